#include "decimal.h"

#include <cctype>
#include <optional>
#include <vector>

namespace jixiao {
namespace {

mpz_class Pow10Uncached(int n) {
  mpz_class r;
  mpz_ui_pow_ui(r.get_mpz_t(), 10, static_cast<unsigned long>(n));
  return r;
}

// Powers of ten up to 10^24 are made once: rounding at a display precision
// is the hottest path of rendering a report.
const mpz_class& Pow10(int n) {
  static const std::vector<mpz_class> table = [] {
    std::vector<mpz_class> t;
    for (int i = 0; i <= 24; ++i) t.push_back(Pow10Uncached(i));
    return t;
  }();
  if (n >= 0 && n < static_cast<int>(table.size())) return table[static_cast<size_t>(n)];
  thread_local mpz_class big;
  big = Pow10Uncached(n);
  return big;
}

// Rounding at a display precision is the hottest path of rendering a
// report, and nearly every figure there (scores, rates, amounts) has a
// numerator and denominator of one machine word. Those are rounded in
// 128-bit integers; anything larger goes through GMP. Both compute
// floor((2|n|·10^p + d) / 2d) for q = n/d: 四舍五入, half away from zero.
// Where the compiler has no 128-bit integer or a GMP limb is not 64 bits
// (32-bit machines), every value takes the GMP path.
#if defined(__SIZEOF_INT128__) && GMP_LIMB_BITS == 64
constexpr bool kWideRounding = true;
using Wide = unsigned __int128;
#else
constexpr bool kWideRounding = false;
using Wide = unsigned long long;
#endif

bool FitsWord(const mpz_class& z) { return mpz_size(z.get_mpz_t()) <= 1; }
Wide Magnitude(const mpz_class& z) { return mpz_getlimbn(z.get_mpz_t(), 0); }  // 0 for zero

// |q|·10^places rounded, when q's parts fit a word and places ≤ 18.
std::optional<Wide> ScaledHalfUpSmall(const mpq_class& q, int places) {
  if (!kWideRounding) return std::nullopt;
  if (places < 0 || places > 18 || !FitsWord(q.get_num()) || !FitsWord(q.get_den())) return std::nullopt;
  Wide p10 = 1;
  for (int i = 0; i < places; ++i) p10 *= 10;
  Wide n = Magnitude(q.get_num()), d = Magnitude(q.get_den());
  return (2 * n * p10 + d) / (2 * d);  // < 2^64 · 2^60 · 2 + 2^64: no overflow
}

mpz_class ScaledHalfUp(const mpq_class& q, int places) {
  mpz_class n;
  if (auto small = ScaledHalfUpSmall(q, places)) {
    n = static_cast<unsigned long>(*small >> 32 >> 32);  // two shifts: no warning where Wide is 64 bits
    n <<= 64;
    n += static_cast<unsigned long>(*small & ~0UL);
  } else {
    mpz_class num = abs(q.get_num()) * Pow10(places) * 2 + q.get_den();
    mpz_class den = q.get_den() * 2;
    mpz_fdiv_q(n.get_mpz_t(), num.get_mpz_t(), den.get_mpz_t());
  }
  return sgn(q) < 0 ? mpz_class(-n) : n;
}

// The digits of |value| · 10^places, printed with `places` decimals.
std::string FixedFromDigits(std::string_view digits, bool negative, int places) {
  const size_t p = static_cast<size_t>(places);
  const size_t pad = digits.size() <= p ? p + 1 - digits.size() : 0;  // "5" at 2 places is 0.05
  const size_t whole = digits.size() + pad - p;
  std::string out;
  out.reserve(digits.size() + pad + 2);
  if (negative) out += '-';
  for (size_t i = 0; i < whole; ++i) out += i < pad ? '0' : digits[i - pad];
  if (p > 0) {
    out += '.';
    for (size_t i = whole; i < digits.size() + pad; ++i) out += i < pad ? '0' : digits[i - pad];
  }
  return out;
}

std::string FixedFromScaled(const mpz_class& scaled, int places) {
  return FixedFromDigits(mpz_class(abs(scaled)).get_str(), sgn(scaled) < 0, places);
}

// q·10^shift in fixed notation with `places` decimals: a percent is q
// rounded at places + 2 and printed with `places`, with no multiplication.
std::string FixedOf(const mpq_class& q, int places, int shift = 0) {
  if (auto small = ScaledHalfUpSmall(q, places + shift)) {
    char buf[48];
    char* end = buf + sizeof buf;
    char* at = end;
    Wide v = *small;
    for (; v > ~0ULL; v /= 10) *--at = static_cast<char>('0' + static_cast<int>(v % 10));
    unsigned long long w = static_cast<unsigned long long>(v);  // the rest in one word: cheaper division
    do {
      *--at = static_cast<char>('0' + static_cast<int>(w % 10));
      w /= 10;
    } while (w != 0);
    // A value that rounds to zero prints without a sign, as GMP's path does.
    return FixedFromDigits(std::string_view(at, static_cast<size_t>(end - at)), sgn(q) < 0 && *small != 0, places);
  }
  return FixedFromScaled(ScaledHalfUp(q, places + shift), places);
}

}  // namespace

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  text = text.substr(b, e - b);
  bool percent = false;
  if (!text.empty() && text.back() == '%') {
    percent = true;
    text.remove_suffix(1);
  } else if (text.size() >= 3 && text.substr(text.size() - 3) == "\xEF\xBC\x85") {  // ％
    percent = true;
    text.remove_suffix(3);
  }
  if (text.empty()) return std::nullopt;
  bool negative = false;
  size_t i = 0;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
  }
  std::string digits;
  int frac = 0;
  int group = 0;  // integer digits since the last thousands separator
  bool seen_point = false, seen_digit = false, seen_comma = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
      seen_digit = true;
      if (seen_point) ++frac;
      else ++group;
    } else if (c == '.' && !seen_point) {
      if (seen_comma && group != 3) return std::nullopt;
      seen_point = true;
    } else if (c == ',' && !seen_point && group > 0) {
      // A thousands separator as Excel users type it: 1,022.04. Groups
      // of three only, so "1,2" is refused rather than read as 12.
      if (seen_comma ? group != 3 : group > 3) return std::nullopt;
      seen_comma = true;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit || (seen_comma && !seen_point && group != 3)) return std::nullopt;
  mpz_class num(digits, 10);
  if (negative) num = -num;
  mpz_class den = Pow10(frac + (percent ? 2 : 0));
  return Decimal(mpq_class(num, den));
}

Decimal Decimal::Round(int places) const {
  return Decimal(mpq_class(ScaledHalfUp(q_, places), Pow10(places)));
}

Decimal Decimal::Ceil() const {
  mpz_class n;
  mpz_cdiv_q(n.get_mpz_t(), q_.get_num_mpz_t(), q_.get_den_mpz_t());
  return Decimal(mpq_class(n));
}

Decimal Decimal::Floor() const {
  mpz_class n;
  mpz_fdiv_q(n.get_mpz_t(), q_.get_num_mpz_t(), q_.get_den_mpz_t());
  return Decimal(mpq_class(n));
}

std::string Decimal::ToFixed(int places) const { return FixedOf(q_, places); }

namespace {
std::string Shortened(std::string s) {
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}
}  // namespace

std::string Decimal::ToShort(int places) const { return Shortened(ToFixed(places)); }

std::string Decimal::ToPercent(int places) const { return FixedOf(q_, places, 2) + "%"; }

std::string Decimal::ToPercentShort(int places) const { return Shortened(FixedOf(q_, places, 2)) + "%"; }

std::string Decimal::ToExactString() const { return ToShort(12); }

}  // namespace jixiao
