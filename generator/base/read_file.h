// Reading an input file whole: a path in, its bytes out (nullopt when it
// is missing, a folder or unreadable). One read per file, no streams: a
// batch reads dozens of small files per project.
//
// Only regular files are inputs: a FIFO, a device or a socket is refused
// before it is read (opening a FIFO would block, /dev/zero never ends), and
// so is a file above kMaxInputFileBytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace jixiao {

// The largest text input (project.yaml, an indicator system, a fragment,
// a template) read. Workbooks have their own limit (XlsxLimits).
inline constexpr size_t kMaxInputFileBytes = size_t{64} << 20;

// nullopt when missing, a folder or unreadable; throws InputError
// (not-regular-file, input-too-large) for what is not an input.
std::optional<std::string> ReadFileBytes(const std::string& path);

// What `path` is when it exists but is neither a regular file nor a folder
// ("FIFO", "character device", "block device", "socket"), following
// symbolic links; nullopt otherwise.
std::optional<std::string> NonRegularKind(const std::string& path);

}  // namespace jixiao
