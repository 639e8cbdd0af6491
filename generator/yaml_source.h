// Reading YAML with locations: every node read here yields a SourceLoc,
// unknown keys are errors with a "did you mean", and numbers are read from
// their text so that 1022.04 never passes through a binary float.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>

#include "decimal.h"
#include "diagnostics.h"

namespace jixiao {

class YamlFile {
 public:
  // Throws InputError naming the file (missing, unreadable, bad syntax).
  static YamlFile Load(const std::string& path);

  const std::string& path() const { return path_; }
  const YAML::Node& root() const { return root_; }
  SourceLoc Loc(const YAML::Node& n) const;

  // Reports keys of `map` not in `allowed`; returns false if any.
  bool CheckKeys(const YAML::Node& map, std::initializer_list<const char*> allowed,
                 const std::string& indicator, Diagnostics& diags) const;
  // Required / optional scalars. A missing required key is reported at the
  // map and gives nullopt.
  std::optional<std::string> String(const YAML::Node& map, const char* key, bool required,
                                    const std::string& indicator, Diagnostics& diags) const;
  std::optional<Decimal> Number(const YAML::Node& map, const char* key, bool required,
                                const std::string& indicator, Diagnostics& diags) const;
  std::optional<Decimal> NumberOf(const YAML::Node& scalar, const std::string& indicator,
                                  Diagnostics& diags) const;
  std::optional<bool> Bool(const YAML::Node& map, const char* key, bool required,
                           const std::string& indicator, Diagnostics& diags) const;
  // A list of scalars, or a block of text; multi-line strings are kept.
  bool IsMap(const YAML::Node& n, const std::string& what, const std::string& indicator,
             Diagnostics& diags) const;
  bool IsList(const YAML::Node& n, const std::string& what, const std::string& indicator,
              Diagnostics& diags) const;

 private:
  std::string path_;
  YAML::Node root_;
};

// yes/no in the spellings users type: true/false, yes/no, 是/否, 满足/不满足.
std::optional<bool> ParseYesNo(const std::string& s);

}  // namespace jixiao
