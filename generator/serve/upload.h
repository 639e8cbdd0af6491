// What `jixiao serve` takes in: files a browser uploaded, each a client's
// name and its bytes, and the limits every upload is held to. The name is
// only ever shown (in the page, diagnostics and the outputs' names): it
// never becomes a path on the server's disk (SafeUploadName).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/xlsx/xlsx_reader.h"

namespace jixiao {

struct Upload {
  std::string name;   // as the browser sent it, made safe by SafeUploadName
  std::string bytes;
};

// Every limit an upload is held to. A project .zip is read under the
// workbook reader's limits (XlsxLimits: entries, bytes inflated per entry
// and in all), the same that hold every .xlsx the commands read.
struct UploadLimits {
  std::uint64_t max_file_bytes = 32ull << 20;      // one file
  std::uint64_t max_request_bytes = 128ull << 20;  // one request, every part together
  std::size_t max_files = 100;                     // files in one request
  std::size_t max_fields = 120;                    // form fields in one request, files included
  XlsxLimits zip;                                  // a project .zip's entries and inflated size
};

// The name a browser gave a file, reduced to a plain file name: the part
// after the last '/' or '\', without control characters, a leading dot or
// characters other than letters (any script), digits and " ._-()（）[]【】";
// at most 120 bytes, cut at a character's boundary. "upload" when nothing
// is left.
std::string SafeUploadName(const std::string& client_name);

}  // namespace jixiao
