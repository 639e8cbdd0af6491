// Loading: YAML files in, a validated IndicatorSystem or Project out.
// Every problem found is gathered and thrown together as one InputError,
// each diagnostic naming file:line:col, the indicator and what was
// expected.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "model/indicator.h"
#include "model/project.h"

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

// Whether a path names an Excel workbook (.xlsx, in any case).
bool IsXlsxPath(const std::string& path);

// A filled 项目支出绩效自评表 (load_self_form.cpp): `target` is the .xlsx,
// or a folder holding 自评表.xlsx and no project.yaml. Its rows become a
// self-evaluation system of target rules; `system_override`, when set,
// gives the options and grades (its indicators are not used).
bool IsSelfFormTarget(const std::string& target);
// Whether an .xlsx holds a 自评表 (三级指标 with 年度指标值 or 实际完成值) rather
// than a 附件1 scoring sheet; false for anything that cannot be read.
bool IsSelfFormWorkbook(const std::string& xlsx_path);
std::shared_ptr<const Project> LoadSelfForm(const std::string& target,
                                            const std::string& system_override = "",
                                            bool review = false);

// `target` is a project folder (holding project.yaml) or the YAML file
// itself, or a filled 自评表 (IsSelfFormTarget). `system_override`, when
// set, replaces the system the project names.
// `review`: loaded for `check` (Project::review).
std::shared_ptr<const Project> LoadProject(const std::string& target,
                                           const std::string& system_override = "",
                                           SystemCache* cache = nullptr, bool review = false);

}  // namespace jixiao
