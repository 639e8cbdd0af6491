// What an input given to a command is: a path in, its InputKind out. The
// one place that decides it, for score, report, check and batch alike.
//
// By name and the filesystem (InputKindOf, opens nothing): a folder holding
// project.yaml, a project.yaml, a folder holding only a 自评表.xlsx, or a
// workbook. score and report read any .xlsx as a 自评表. check needs to
// know more, so ReadInputKind opens a workbook, on disk or held in memory,
// to tell a filled 自评表 from a 附件1 scoring sheet or a 数据采集表. batch
// finds its 自评表 files among many by name (IsSelfFormFileName), without
// opening each.
#pragma once

#include <string>
#include <vector>

namespace jixiao {

enum class InputKind {
  kProjectFolder,    // a folder with project.yaml; also a missing path that names no YAML file
  kProjectYaml,      // a file read as project.yaml: *.yaml, *.yml, or any other existing non-.xlsx file
  kSelfFormFolder,   // a folder holding 自评表.xlsx and no project.yaml
  kSelfForm,         // an .xlsx holding a filled 自评表 (InputKindOf: any .xlsx)
  kScoringWorkbook,  // ReadInputKind: an .xlsx in 附件1's layout, or one that cannot be read
  kCollectWorkbook,  // ReadInputKind: a 数据采集表.xlsx (sheets 基本信息 and 指标, as `init` writes)
};

// Whether a path names an Excel workbook (.xlsx, in any case).
bool IsXlsxPath(const std::string& path);

// By name and the filesystem; an .xlsx is kSelfForm.
InputKind InputKindOf(const std::string& path);
// As InputKindOf, but an .xlsx is opened: kSelfForm when a sheet has 三级指标
// with 年度指标值, 实际完成值 or 全年实际值 and no 评分标准; else
// kCollectWorkbook or kScoringWorkbook. `bytes`, when given, are a workbook
// held in memory (an upload) that `path` only names: read instead of the
// disk, and a workbook whatever the name says.
InputKind ReadInputKind(const std::string& path, const std::string* bytes = nullptr);
// Whether the kind is read as a project (LoadProject) rather than checked as a submitted sheet.
inline bool IsProjectKind(InputKind k) { return k != InputKind::kScoringWorkbook && k != InputKind::kCollectWorkbook; }
// Whether the kind is a workbook file (its outputs are named after the file).
inline bool IsWorkbookKind(InputKind k) {
  return k == InputKind::kSelfForm || k == InputKind::kScoringWorkbook || k == InputKind::kCollectWorkbook;
}

// A submitted 自评表 as batch finds it: an .xlsx whose name says 自评表, not
// an annotated copy jixiao wrote (….审核.xlsx) and not Excel's lock file (~$…).
bool IsSelfFormFileName(const std::string& path);

// For a workbook that is neither layout: which of a 自评表's table labels
// (一级指标 … 得分) its sheets hold, and which they lack, to say so.
struct SelfFormLabels {
  std::vector<std::string> found, missing;
};
SelfFormLabels FindSelfFormLabels(const std::string& path, const std::string* bytes = nullptr);

// The project.yaml of a kProjectFolder.
std::string ProjectYamlPath(const std::string& folder);

}  // namespace jixiao
