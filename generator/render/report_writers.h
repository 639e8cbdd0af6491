// The report's output files, from a table: a scored project and its
// rendered Report in; one file per row that applies to the project's
// ReportKind out. WriteReport (report.h) writes the rows in table order.
//
// To add a format (a .docx, a PDF): write a function with the WriteFn
// signature in its own file under render/ (render/docx/…), and add one row
// per report kind it serves to ReportWriters() in report_writers.cpp. The
// Markdown and HTML are rendered once, before any writer runs
// (RenderReport), so a writer that converts them needs nothing more.
#pragma once

#include <string>
#include <vector>

#include "render/report.h"
#include "render/report_kind.h"
#include "score/score.h"

namespace jixiao {

struct ReportWriter {
  // Writes the file at `path` atomically (WriteFileAtomic, PendingFile);
  // throws InputError (cannot-write).
  using WriteFn = void (*)(const ScoredProject& sp, const Report& report, const std::string& path);

  const char* format;     // "md", "html", "xlsx"
  const char* file_name;  // in the output folder: report.md, 评分表.xlsx
  ReportKind kind;        // the report it belongs to
  WriteFn write;
};

// Every writer, in the order their files are written and listed: one row
// per (format, report kind).
const std::vector<ReportWriter>& ReportWriters();

}  // namespace jixiao
