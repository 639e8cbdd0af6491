// Decimal parsing, and the two forms (machine words, GMP) against GMP:
// the text before the first '|' and after it are two numbers; every
// operation on them must equal GMP's exact result.
#include <cstdlib>

#include "base/decimal.h"

using namespace jixiao;

namespace {
void Same(const Decimal& d, const mpq_class& q) {
  if (d.Raw() != q) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t bar = text.find('|');
  auto a = Decimal::Parse(text.substr(0, bar));
  if (!a) return 0;
  a->ToFixed(2);
  a->ToPercent(2);
  a->ToExactString();
  a->Round(4);
  if (bar == std::string_view::npos) return 0;
  auto b = Decimal::Parse(text.substr(bar + 1));
  if (!b) return 0;
  const mpq_class qa = a->Raw(), qb = b->Raw();
  try {
    Same(*a + *b, qa + qb);
    Same(*a - *b, qa - qb);
    Same(*a * *b, qa * qb);
    if (!b->IsZero()) Same(*a / *b, qa / qb);
    if ((*a < *b) != (qa < qb)) std::abort();
    if ((*a == *b) != (qa == qb)) std::abort();
  } catch (const DecimalLimitError&) {
  }
  return 0;
}
