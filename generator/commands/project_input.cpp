#include "commands/project_input.h"

#include "load/load_self_form.h"

namespace jixiao {

std::shared_ptr<const Project> LoadProjectInput(const ProjectInput& in, const std::string& system_override,
                                                SystemCache* cache, bool review) {
  if (in.files) return LoadProject(in.files, system_override, cache, review);
  // A workbook in memory is a 自评表, as any .xlsx path is (LoadProject).
  if (in.bytes) return LoadSelfFormBytes(in.path, *in.bytes, system_override, review);
  return LoadProject(in.path, system_override, cache, review, in.allowed);
}

}  // namespace jixiao
