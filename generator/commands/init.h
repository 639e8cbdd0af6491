// `jixiao init`: an indicator system and a folder in; the folder created
// with project.yaml (naming the system by a path relative to the folder)
// and the data-collection workbook (数据采集表.xlsx) written for the system.
// Refuses, before writing anything, when either file exists and `force` is
// false.
#pragma once

#include <string>

#include "commands/command_result.h"

namespace jixiao {

struct InitRequest {
  std::string dir;         // the project folder to create
  std::string indicators;  // the indicator system (indicators/<system>.yaml)
  bool force = false;      // overwrite an existing project.yaml and workbook
  Language language = Language::kChinese;
};

// files: project.yaml, then the workbook.
CommandResult RunInit(const InitRequest& request);

// The project.yaml `init` writes: commented fields to fill and `system:`
// (`system_path` as written there, a YAML double-quoted scalar).
std::string InitProjectYaml(const std::string& system_name, const std::string& system_path);

}  // namespace jixiao
