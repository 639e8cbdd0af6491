#include "yaml_source.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "messages.h"

namespace jixiao {

YamlFile YamlFile::Load(const std::string& path) {
  YamlFile f;
  f.path_ = path;
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  // A folder opens as a stream on Linux and reads as an empty document.
  if (!in || std::filesystem::is_directory(path, ec)) Fail(SourceLoc{path}, "", msg::kCannotRead);
  std::stringstream buf;
  buf << in.rdbuf();
  try {
    f.root_ = YAML::Load(buf.str());
  } catch (const YAML::Exception& e) {
    SourceLoc loc{path, e.mark.line + 1, e.mark.column + 1, ""};
    Fail(loc, "", msg::kYamlSyntax, e.msg);
  }
  return f;
}

SourceLoc YamlFile::Loc(const YAML::Node& n) const {
  YAML::Mark m = n.Mark();
  if (m.line < 0) return SourceLoc{path_};
  return SourceLoc{path_, m.line + 1, m.column + 1, ""};
}

bool YamlFile::IsMap(const YAML::Node& n, const std::string& what, const std::string& indicator,
                     Diagnostics& diags) const {
  if (n.IsMap()) return true;
  diags.Error(Loc(n), indicator, msg::kExpectedMap, what);
  return false;
}

bool YamlFile::IsList(const YAML::Node& n, const std::string& what, const std::string& indicator,
                      Diagnostics& diags) const {
  if (n.IsSequence()) return true;
  diags.Error(Loc(n), indicator, msg::kExpectedList, what);
  return false;
}

bool YamlFile::CheckKeys(const YAML::Node& map, std::initializer_list<const char*> allowed,
                         const std::string& indicator, Diagnostics& diags) const {
  bool ok = true;
  std::vector<std::string> names(allowed.begin(), allowed.end());
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = it->first.Scalar();
    bool known = false;
    for (const auto& a : names) known = known || a == key;
    if (!known) {
      std::string list;
      for (const auto& a : names) list += (list.empty() ? "" : ", ") + a;
      diags.ErrorHint(Loc(it->first), indicator, NearestName(key, names), msg::kUnknownKey, key,
                      list);
      ok = false;
    }
  }
  return ok;
}

std::optional<std::string> YamlFile::String(const YAML::Node& map, const char* key,
                                            bool required, const std::string& indicator,
                                            Diagnostics& diags) const {
  YAML::Node n = map[key];
  if (!n) {
    if (required) diags.Error(Loc(map), indicator, msg::kMissingKey, key);
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    diags.Error(Loc(n), indicator, msg::kExpectedText, key);
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<Decimal> YamlFile::NumberOf(const YAML::Node& n, const std::string& indicator,
                                          Diagnostics& diags) const {
  if (!n.IsScalar()) {
    diags.Error(Loc(n), indicator, msg::kExpectedNumber, "(list/map)");
    return std::nullopt;
  }
  auto d = Decimal::Parse(n.Scalar());
  if (!d) diags.Error(Loc(n), indicator, msg::kExpectedNumber, n.Scalar());
  return d;
}

std::optional<Decimal> YamlFile::Number(const YAML::Node& map, const char* key, bool required,
                                        const std::string& indicator, Diagnostics& diags) const {
  YAML::Node n = map[key];
  if (!n) {
    if (required) diags.Error(Loc(map), indicator, msg::kMissingKey, key);
    return std::nullopt;
  }
  return NumberOf(n, indicator, diags);
}

std::optional<bool> ParseYesNo(const std::string& s) {
  static const char* yes[] = {"true", "yes", "y", "是", "满足", "达到", "符合", "有", "1"};
  static const char* no[] = {"false", "no", "n", "否", "不满足", "未达到", "不符合", "无", "0"};
  for (const char* y : yes) if (s == y) return true;
  for (const char* n : no) if (s == n) return false;
  return std::nullopt;
}

std::optional<bool> YamlFile::Bool(const YAML::Node& map, const char* key, bool required,
                                   const std::string& indicator, Diagnostics& diags) const {
  YAML::Node n = map[key];
  if (!n) {
    if (required) diags.Error(Loc(map), indicator, msg::kMissingKey, key);
    return std::nullopt;
  }
  auto b = n.IsScalar() ? ParseYesNo(n.Scalar()) : std::nullopt;
  if (!b) diags.Error(Loc(n), indicator, msg::kExpectedYesNo, n.IsScalar() ? n.Scalar() : "");
  return b;
}

}  // namespace jixiao
