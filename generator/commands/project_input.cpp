#include "commands/project_input.h"

namespace jixiao {

std::shared_ptr<const Project> LoadProjectInput(const ProjectInput& in, const std::string& system_override,
                                                SystemCache* cache, bool review) {
  if (in.files) return LoadProject(in.files, system_override, cache, review);
  return LoadProject(in.path, system_override, cache, review);
}

}  // namespace jixiao
