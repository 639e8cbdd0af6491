#include "serve/upload_form.h"

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>

#include <algorithm>

#include "base/messages.h"

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;

namespace jixiao {
namespace {

// The uploaded files of a multipart form, each read under the limits.
class UploadParts : public Poco::Net::PartHandler {
 public:
  explicit UploadParts(const UploadLimits& limits) : limits_(limits) {}

  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    if (header.has("Content-Disposition"))
      Poco::Net::MessageHeader::splitParameters(header["Content-Disposition"], disposition, params);
    if (files.size() >= limits_.max_files) throw UploadRefused{HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                                                      Format(msg::kServeTooManyFiles, limits_.max_files)};
    Upload u;
    u.name = SafeUploadName(params.get("filename", ""));
    char buf[1 << 16];
    for (;;) {
      stream.read(buf, sizeof buf);
      std::streamsize n = stream.gcount();
      if (n <= 0) break;
      total_ += static_cast<std::uint64_t>(n);
      if (u.bytes.size() + static_cast<std::size_t>(n) > limits_.max_file_bytes)
        throw UploadRefused{HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, Format(msg::kServeFileTooLarge, limits_.max_file_bytes)};
      if (total_ > limits_.max_request_bytes)
        throw UploadRefused{HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                   Format(msg::kServeRequestTooLarge, limits_.max_request_bytes)};
      u.bytes.append(buf, static_cast<std::size_t>(n));
    }
    files.push_back(std::move(u));
  }

  std::vector<Upload> files;

 private:
  const UploadLimits& limits_;
  std::uint64_t total_ = 0;
};

}  // namespace

std::vector<Upload> ReadUploadForm(HTTPServerRequest& req, Poco::Net::HTMLForm& form, const UploadLimits& limits) {
  UploadParts parts(limits);
  form.setFieldLimit(static_cast<int>(limits.max_fields));
  form.setValueLengthLimit(static_cast<int>(kMaxFieldValueBytes));
  try {
    form.load(req, req.stream(), parts);
  } catch (...) {
    // The rest of a refused body is read (up to the request limit, which a
    // stated Content-Length has already passed) and dropped, so the browser
    // gets the answer instead of a connection reset mid-upload.
    char buf[1 << 16];
    std::uint64_t left = limits.max_request_bytes;
    std::istream& in = req.stream();
    while (left > 0 && in.read(buf, sizeof buf).gcount() > 0) left -= std::min<std::uint64_t>(left, in.gcount());
    throw;
  }
  return std::move(parts.files);
}

}  // namespace jixiao
