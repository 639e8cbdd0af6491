// Reading filled data-collection workbooks (数据采集表.xlsx, written by
// `jixiao init`) into a Project: the folder's 数据采集表.xlsx when present,
// then every workbook project.yaml names under `workbook:` (one path or a
// list, relative to project.yaml's folder).
//
// Filled cells become project data: info, values and metrics, funds,
// answers (checklist points from 是/否 cells, met, tier, score, reason,
// evidence), deductions and surveys. Precedence: project.yaml is the base
// and the workbooks add to it; the same item given in two places must have
// the same content there, and different content is an error naming both
// places (project.yaml:line:col and workbook: sheet!cell). An empty cell
// means "not given". Numbers are read from the cell's text exactly; a
// number in a percent-formatted cell is read as shown (0.9056 shown as
// 90.56%), a plain number in a row whose unit is % is in percent points
// (90.56 means 90.56%), and text is parsed as written ("90.56%").
#pragma once

#include <string>
#include <vector>

#include "model/project.h"
#include "formats/yaml/yaml_source.h"

namespace jixiao {

// The workbooks a project reads, in order, without repeats: 数据采集表.xlsx
// in the project's folder if it exists, then those under `workbook:`. A
// malformed `workbook:` entry is reported to `diags`.
std::vector<std::string> ProjectWorkbooks(const YamlFile& y, const InputFiles& files, Diagnostics& diags);

// Merges each workbook into `p` (already holding what project.yaml gives,
// and its system; its workbooks read through p.Files()) under the precedence above; reports every problem, each
// with its workbook, sheet!cell and indicator, to `diags`. With at least
// one workbook, a project name must come from project.yaml or a workbook.
void ReadProjectWorkbooks(Project& p, const YamlFile& y, const std::vector<std::string>& workbooks,
                          Diagnostics& diags);

}  // namespace jixiao
