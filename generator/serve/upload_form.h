// Reading an upload: a multipart/form-data request in, its files (each
// name made safe, each read under UploadLimits) and its fields (in `form`)
// out. A limit passed throws UploadRefused with the status to answer.
#pragma once

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <vector>

#include "base/diagnostics.h"
#include "serve/upload.h"

namespace jixiao {

struct UploadRefused {
  Poco::Net::HTTPResponse::HTTPStatus status;
  Text text;
};

// A form field that is not a file (lang, job, work, system): at most this long.
inline constexpr std::size_t kMaxFieldValueBytes = 4096;

// Throws UploadRefused (a file, the request or the file count past its
// limit) or Poco::Exception (a malformed form, too many fields, a field too
// long). Either way the rest of the body, up to the request limit, is read
// and dropped first, so the browser gets the answer rather than a reset.
std::vector<Upload> ReadUploadForm(Poco::Net::HTTPServerRequest& req, Poco::Net::HTMLForm& form,
                                   const UploadLimits& limits);

}  // namespace jixiao
