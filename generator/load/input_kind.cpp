#include "load/input_kind.h"

#include <filesystem>
#include <iterator>

#include "base/diagnostics.h"
#include "formats/xlsx/layouts/self_form.h"
#include "formats/xlsx/xlsx_reader.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

std::string LowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

bool IsXlsxPath(const std::string& path) { return LowerAscii(fs::path(path).extension().string()) == ".xlsx"; }

InputKind InputKindOf(const std::string& path) {
  std::error_code ec;
  fs::path t(path);
  if (fs::is_directory(t, ec))
    return !fs::exists(t / "project.yaml", ec) && fs::exists(t / "自评表.xlsx", ec) ? InputKind::kSelfFormFolder
                                                                                     : InputKind::kProjectFolder;
  if (IsXlsxPath(path)) return InputKind::kSelfForm;
  // A missing path that does not name a YAML file is a project folder: a
  // missing one is reported as its project.yaml.
  std::string ext = t.extension().string();
  bool names_yaml = ext == ".yaml" || ext == ".yml";
  if (!names_yaml && !fs::exists(t, ec)) return InputKind::kProjectFolder;
  return InputKind::kProjectYaml;
}

InputKind ReadInputKind(const std::string& path, const std::string* bytes) {
  // An upload's name is the sender's: its bytes are read as a workbook
  // whatever it is called, and the disk is not consulted.
  InputKind kind = bytes ? InputKind::kSelfForm : InputKindOf(path);
  if (kind != InputKind::kSelfForm) return kind;
  try {
    XlsxWorkbook wb = ReadXlsxBytes(path, bytes);
    for (const auto& s : wb.sheets) {
      bool level3 = false, target = false, criteria = false;
      for (const auto& [rc, cell] : s.cells) {
        std::string t = self_form::FormLabel(CompactLabel(cell.text));
        level3 = level3 || t == self_form::kLevel3;
        target = target || self_form::IsLabel(t, self_form::kTargetLabels) ||
                 self_form::IsLabel(t, self_form::kActualLabels);
        criteria = criteria || t.find("评分标准") != std::string::npos;
      }
      if (level3 && target && !criteria) return InputKind::kSelfForm;
    }
    if (wb.Sheet("基本信息") && wb.Sheet("指标")) return InputKind::kCollectWorkbook;
  } catch (const InputError&) {
  }
  return InputKind::kScoringWorkbook;
}

SelfFormLabels FindSelfFormLabels(const std::string& path, const std::string* bytes) {
  using namespace self_form;
  struct Field {
    const char* name;
    bool (*match)(const std::string&);
  };
  static const Field fields[] = {
      {kLevel1, [](const std::string& t) { return t == kLevel1; }},
      {kLevel2, [](const std::string& t) { return t == kLevel2; }},
      {kLevel3, [](const std::string& t) { return t == kLevel3; }},
      {kTarget, [](const std::string& t) { return IsLabel(t, kTargetLabels); }},
      {kActual, [](const std::string& t) { return IsLabel(t, kActualLabels); }},
      {kWeight, [](const std::string& t) { return IsLabel(t, kWeightLabels); }},
      {kScore, [](const std::string& t) { return IsLabel(t, kScoreLabels); }},
  };
  SelfFormLabels out;
  std::vector<bool> seen(std::size(fields), false);
  try {
    XlsxWorkbook wb = ReadXlsxBytes(path, bytes);
    for (const auto& s : wb.sheets)
      for (const auto& [rc, cell] : s.cells) {
        std::string t = FormLabel(CompactLabel(cell.text));
        for (size_t i = 0; i < std::size(fields); ++i) seen[i] = seen[i] || fields[i].match(t);
      }
  } catch (const InputError&) {
    return out;
  }
  for (size_t i = 0; i < std::size(fields); ++i) (seen[i] ? out.found : out.missing).push_back(fields[i].name);
  return out;
}

bool IsSelfFormFileName(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  return IsXlsxPath(path) && name.find("自评表") != std::string::npos && name.rfind("~$", 0) != 0 &&
         name.find(".审核.") == std::string::npos;
}

std::string ProjectYamlPath(const std::string& folder) { return (fs::path(folder) / "project.yaml").string(); }

}  // namespace jixiao
