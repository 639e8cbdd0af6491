// Where a project's outputs go: an output folder and an input in, the
// folder for that input's files out. The one place report, check and batch
// name it.
#pragma once

#include <string>

#include "load/input_kind.h"
#include "model/project.h"

namespace jixiao {

// A project folder's outputs: <out>/<the project folder's name> (the
// current folder's own name for ".").
std::string ProjectOutputDir(const std::string& out, const Project& p);

// report: a workbook given as a file (a filled 自评表, or its bytes) →
// <out>/<its name without .xlsx>, as check -o and batch name it, so two
// forms in one folder do not share an output folder; else ProjectOutputDir.
std::string ReportOutputDir(const std::string& out, const std::string& target, bool workbook, const Project& p);

// check -o: a workbook given as a file (a submitted 评分表 or 自评表) →
// <out>/<its name without .xlsx>; a project → ProjectOutputDir.
std::string CheckOutputDir(const std::string& out, const std::string& target, InputKind kind,
                           const Project* p);

// batch: the input's place under the batch folder, a workbook file without
// its extension (某局自评表.xlsx → 某局自评表, as check -o names it); relative
// to the output folder.
std::string BatchOutputRel(const std::string& found, const std::string& folder);

}  // namespace jixiao
