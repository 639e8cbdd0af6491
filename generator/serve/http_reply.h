// How `jixiao serve` answers: a body with its type, JSON, an error for the
// page in the request's language, a stored output as a download (or shown
// in the browser under a policy that runs nothing), and the policies.
#pragma once

#include <Poco/Net/HTTPServerResponse.h>

#include <string>

#include "base/diagnostics.h"

namespace jixiao {

// The page's own files come only from the server; an output the page shows
// in the browser (report.html) runs no script, loads nothing and is sandboxed.
inline constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
inline constexpr const char* kResultPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";

// The Content-Type of a file by its extension.
std::string ContentTypeOf(const std::string& name);
// A Content-Disposition (RFC 6266): an ASCII fallback and the UTF-8 name percent-encoded.
std::string Disposition(const std::string& kind, const std::string& name);

void Send(Poco::Net::HTTPServerResponse& resp, Poco::Net::HTTPResponse::HTTPStatus status, const std::string& type,
          const std::string& body);
void SendJson(Poco::Net::HTTPServerResponse& resp, const std::string& body,
              Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);
// {"error": "…"} in `lang`.
void SendError(Poco::Net::HTTPServerResponse& resp, Poco::Net::HTTPResponse::HTTPStatus status, const Text& text,
               Language lang);
// A stored output sent as `name`: an attachment, or with `inline_view` an
// .html (or .md, as text) shown in the browser under kResultPolicy.
void SendStoredFile(Poco::Net::HTTPServerResponse& resp, const std::string& path, const std::string& name,
                    bool inline_view);

}  // namespace jixiao
