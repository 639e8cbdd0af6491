// Loading: YAML files in, a validated IndicatorSystem or Project out.
// Every problem found is gathered and thrown together as one InputError,
// each diagnostic naming file:line:col, the indicator and what was
// expected.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/allowed_folders.h"
#include "model/indicator.h"
#include "model/project.h"
#include "load/input_kind.h"

namespace jixiao {

std::shared_ptr<const IndicatorSystem> LoadSystem(const std::string& path);

// Indicator systems already loaded, shared by the projects that name them
// (batch: hundreds of projects, one system). Safe to use from several
// threads; a system that fails to load is not kept.
class SystemCache {
 public:
  std::shared_ptr<const IndicatorSystem> Get(const std::string& path);

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const IndicatorSystem>> systems_;  // by resolved path
  std::map<std::string, std::shared_ptr<const IndicatorSystem>> by_path_;  // by the path as given
};

// A filled 项目支出绩效自评表 (load_self_form.cpp): `target` is the .xlsx,
// or a folder holding 自评表.xlsx and no project.yaml (input_kind.h). Its
// rows become a self-evaluation system of target rules; `system_override`,
// when set, gives the options and grades (its indicators are not used).
std::shared_ptr<const Project> LoadSelfForm(const std::string& target,
                                            const std::string& system_override = "",
                                            bool review = false);

// `target` is a project folder (holding project.yaml) or the YAML file
// itself, or a filled 自评表 (InputKindOf). `system_override`, when
// set, replaces the system the project names.
// `review`: loaded for `check` (Project::review).
// `allowed`, when given, confines the paths the project names (system:,
// text:, workbook:, its fragments) to its own folder and those folders
// (InputFiles); without it they are read wherever they point.
// `systems_folder`, when set (batch --indicators DIR; it must be among
// `allowed`): a `system:` that names no file in the allowed folders is
// looked up there by its file name (SystemFileName).
std::shared_ptr<const Project> LoadProject(const std::string& target,
                                           const std::string& system_override = "",
                                           SystemCache* cache = nullptr, bool review = false,
                                           std::shared_ptr<const AllowedFolders> allowed = nullptr,
                                           const std::string& systems_folder = "");

// The same from `files` (in memory or on disk): its root's project.yaml,
// its workbooks and text/ read through it; the Project keeps `files` for
// the report's fragments.
std::shared_ptr<const Project> LoadProject(std::shared_ptr<const InputFiles> files,
                                           const std::string& system_override = "",
                                           SystemCache* cache = nullptr, bool review = false);

// The file name a `system:` path ends in, after its last slash or
// backslash (a path written on Windows keeps its backslashes on Linux):
// D:\体系\x.yaml gives x.yaml; empty when it names no file.
std::string SystemFileName(const std::string& written);

}  // namespace jixiao
