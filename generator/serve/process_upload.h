// One uploaded file through the commands, its inputs held in memory: a
// filled 自评表.xlsx is reported (RunReport) and reviewed (RunCheck), a
// submitted 评分表.xlsx reviewed, a project .zip (project.yaml, 数据采集表.xlsx,
// text/) reported and checked. Out: what the page shows of it, the files
// the commands produced, and its row for 汇总.xlsx. No command's logic is
// repeated here: this only picks the commands and gathers what they give.
#pragma once

#include <string>
#include <vector>

#include "commands/command_result.h"
#include "model/batch_summary.h"
#include "render/report.h"
#include "serve/upload.h"

namespace jixiao {

struct ProcessedUpload {
  std::string name;                 // the upload's safe name
  std::string kind;                 // "self-form", "scoring-sheet", "project", "collect-workbook", "other"
  bool refused = false;             // no command could read it: `diagnostics` says why
  std::string diagnostics;          // as the command line prints them (located); warnings too
  std::string score_json;           // RenderJson of the scored project, or ""
  std::string check_json;           // the review's findings (see process_upload.cpp), or ""
  std::string total, grade;         // jixiao's, when scored
  std::string archived;             // with --db: where the run was kept (ArchiveLine), or ""
  std::string previous_year, previous_total, change;  // with --db: last year's total from the archive, the change
  std::vector<OutputFile> outputs;  // OutputFile::path is a bare file name
  BatchRow row;
};

// What is asked of an upload: both (the page), or one (a client that
// wants only the review, or only the report; the benchmark measures each).
enum class UploadWork { kBoth, kCheck, kReport };
UploadWork ParseUploadWork(const std::string& name);  // "check", "report"; else both

// `db`: the archive (serve --db) each scored project is kept in, and last
// year's total read from; "" none. The review runs first, so the run kept
// holds its findings; the report then finds the same inputs kept and reads
// last year's figures.
ProcessedUpload ProcessUpload(const Upload& upload, const TemplateSet& templates, const UploadLimits& limits,
                              Language language, UploadWork work = UploadWork::kBoth, bool pdf = false,
                              const std::string& db = "");

// The upload's JSON for the page; `downloads` are (number, name, size) of its stored outputs.
struct DownloadRef {
  std::size_t id;
  std::string name;
  std::uint64_t size;
};
std::string ProcessedUploadJson(const ProcessedUpload& p, const std::vector<DownloadRef>& downloads);

}  // namespace jixiao
