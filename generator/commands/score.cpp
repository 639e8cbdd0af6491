#include "commands/score.h"

#include "render/render.h"

namespace jixiao {

ScoreOutcome RunScore(const ScoreRequest& request) {
  ScoreOutcome out;
  out.language = request.language;
  out.inputs = request.project.files;
  CatchInputError(out, [&] {
    out.scored = ScoreProject(LoadProjectInput(request.project, request.indicators));
    out.text = request.json ? RenderJson(*out.scored) : RenderTerminal(*out.scored, request.language);
  }, request.project.path);
  return out;
}

}  // namespace jixiao
