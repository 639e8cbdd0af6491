#include "commands/history.h"

#include "archive/history_queries.h"
#include "base/messages.h"
#include "render/render_history.h"

namespace jixiao {

namespace {

template <typename Answer>
void Answered(const Answer& answer, const HistoryRequest& request, HistoryOutcome& out) {
  out.tables = HistoryTables(answer, request.language);
  out.text = request.json ? RenderHistoryJson(answer) : RenderHistoryTerminal(out.tables);
  if (!request.xlsx.empty()) {
    RenderHistoryXlsx(out.tables, request.xlsx);
    out.files.push_back(OutputFile{request.xlsx, ""});
  }
}

}  // namespace

HistoryOutcome RunHistory(const HistoryRequest& request) {
  HistoryOutcome out;
  out.language = request.language;
  CatchInputError(out, [&] {
    if (request.db.empty()) Fail(SourceLoc{"--db"}, "", msg::kHistoryNoDatabase);
    Database db(request.db);
    switch (request.question) {
      case HistoryQuestion::kProject: Answered(QueryProject(db, request.subject), request, out); break;
      case HistoryQuestion::kDepartment: Answered(QueryDepartment(db, request.subject), request, out); break;
      case HistoryQuestion::kSystem: Answered(QuerySystem(db, request.subject), request, out); break;
      case HistoryQuestion::kRevised:
        Answered(QueryRevised(db, request.year, request.department, request.limit), request, out);
        break;
    }
  });
  return out;
}

}  // namespace jixiao
