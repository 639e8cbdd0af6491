// Where a project's outputs go: an output folder and an input in, the
// folder for that input's files out. The one place report, check and batch
// name it.
#pragma once

#include <string>

#include "load/input_kind.h"
#include "model/project.h"

namespace jixiao {

// report: <out>/<the project folder's name> (the current folder's own name
// for "."), also for a 自评表 given as a file (its folder).
std::string ProjectOutputDir(const std::string& out, const Project& p);

// check -o: a workbook given as a file (a submitted 评分表 or 自评表) →
// <out>/<its name without .xlsx>; a project → ProjectOutputDir.
std::string CheckOutputDir(const std::string& out, const std::string& target, InputKind kind,
                           const Project* p);

// batch: the input's place under the batch folder, a workbook file without
// its extension (某局自评表.xlsx → 某局自评表, as check -o names it); relative
// to the output folder.
std::string BatchOutputRel(const std::string& found, const std::string& folder);

}  // namespace jixiao
