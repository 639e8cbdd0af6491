// A project.yaml and its indicator system, loaded, scored and rendered.
// The input is the system's YAML, a line "#@@@", then the project's YAML
// (fuzz_util.h: SplitTwo); the project names its system as sys.yaml.
#include <map>

#include "fuzz_util.h"
#include "base/decimal.h"
#include "base/diagnostics.h"
#include "base/input_files.h"
#include "load/load.h"
#include "render/render.h"
#include "score/score.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [sys_path, files] = fuzz::ReadSystemAndProject(data, size);
  try {
    auto p = LoadProject(files, sys_path);
    ScoredProject sp = ScoreProject(p);
    RenderTerminal(sp);
    RenderJson(sp);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics().All()) RenderDiagnostic(d, Language::kEnglish, files.get());
  } catch (const DecimalLimitError&) {  // an error with exit 2, as CatchInputError makes it
  }
  return 0;
}
