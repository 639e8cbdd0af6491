#include "commands/score.h"

#include "check/check.h"
#include "commands/archive_step.h"
#include "render/render.h"

namespace jixiao {

ScoreOutcome RunScore(const ScoreRequest& request) {
  ScoreOutcome out;
  out.language = request.language;
  out.inputs = request.project.files;
  CatchInputError(out, [&] {
    std::unique_ptr<Database> db = OpenArchive(request.db);
    out.scored = ScoreProject(LoadProjectInput(request.project, request.indicators));
    if (db)
      out.archive = ArchiveScored(*db, *out.scored, CheckProject(*out.scored, {}), request.project.Name(), "score");
    out.text = request.json ? RenderJson(*out.scored) : RenderTerminal(*out.scored, request.language);
  }, request.project.path);
  return out;
}

}  // namespace jixiao
