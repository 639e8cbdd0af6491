// Reading an input file whole: a path in, its bytes out (nullopt when it
// is missing, a folder or unreadable). One read per file, no streams: a
// batch reads dozens of small files per project.
#pragma once

#include <optional>
#include <string>

namespace jixiao {

std::optional<std::string> ReadFileBytes(const std::string& path);

}  // namespace jixiao
