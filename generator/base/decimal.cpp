#include "base/decimal.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <optional>
#include <vector>

namespace jixiao {
namespace {

// GMP's allocation goes through these: a failed allocation, or one larger
// than kMaxGmpAllocationBytes (no value within kMaxExactDigits comes near
// it), throws std::bad_alloc, which the commands turn into an error (exit 2),
// where GMP's own functions would abort the process. They use malloc,
// realloc and free as GMP's defaults do, so memory GMP allocated before they
// were installed is freed correctly.
void* GmpAllocate(size_t size) {
  if (size > kMaxGmpAllocationBytes) throw std::bad_alloc();
  void* p = std::malloc(size);
  if (!p) throw std::bad_alloc();
  return p;
}
void* GmpReallocate(void* old, size_t, size_t size) {
  if (size > kMaxGmpAllocationBytes) throw std::bad_alloc();
  void* p = std::realloc(old, size);
  if (!p) throw std::bad_alloc();
  return p;
}
void GmpFree(void* p, size_t) { std::free(p); }
[[maybe_unused]] const bool kGmpAllocationInstalled = [] {
  mp_set_memory_functions(GmpAllocate, GmpReallocate, GmpFree);
  return true;
}();

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
using SignedWide = __int128;
#else
constexpr bool kWideRounding = false;
using Wide = unsigned long long;
using SignedWide = long long;
#endif

bool FitsWord(const mpz_class& z) { return mpz_size(z.get_mpz_t()) <= 1; }
Wide Magnitude(const mpz_class& z) { return mpz_getlimbn(z.get_mpz_t(), 0); }  // 0 for zero

// |n/d|·10^places rounded, for parts of one word and places ≤ 18.
Wide ScaledHalfUpWide(Wide n, Wide d, int places) {
  Wide p10 = 1;
  for (int i = 0; i < places; ++i) p10 *= 10;
  return (2 * n * p10 + d) / (2 * d);  // < 2^64 · 2^60 · 2 + 2^64: no overflow
}

// |q|·10^places rounded, when q's parts fit a word and places ≤ 18.
std::optional<Wide> ScaledHalfUpSmall(const mpq_class& q, int places) {
  if (!kWideRounding) return std::nullopt;
  if (places < 0 || places > 18 || !FitsWord(q.get_num()) || !FitsWord(q.get_den())) return std::nullopt;
  return ScaledHalfUpWide(Magnitude(q.get_num()), Magnitude(q.get_den()), places);
}

// Built from two 64-bit halves, low first: `unsigned long` is 32 bits on
// some 64-bit targets, so it is not used as the carrier.
mpz_class MpzFromWide(Wide v) {
  const std::uint64_t halves[2] = {static_cast<std::uint64_t>(v), static_cast<std::uint64_t>(v >> 32 >> 32)};
  mpz_class n;
  mpz_import(n.get_mpz_t(), 2, -1, sizeof(std::uint64_t), 0, 0, halves);
  return n;
}

mpz_class ScaledHalfUp(const mpq_class& q, int places) {
  mpz_class n;
  if (auto small = ScaledHalfUpSmall(q, places)) {
    n = MpzFromWide(*small);
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

// A rounded magnitude in fixed notation; a value that rounds to zero prints
// without a sign, as GMP's path does.
std::string FixedFromWide(Wide v, bool negative, int places) {
  char buf[48];
  char* end = buf + sizeof buf;
  char* at = end;
  for (; v > ~0ULL; v /= 10) *--at = static_cast<char>('0' + static_cast<int>(v % 10));
  unsigned long long w = static_cast<unsigned long long>(v);  // the rest in one word: cheaper division
  do {
    *--at = static_cast<char>('0' + static_cast<int>(w % 10));
    w /= 10;
  } while (w != 0);
  const bool zero = at + 1 == end && *at == '0';
  return FixedFromDigits(std::string_view(at, static_cast<size_t>(end - at)), negative && !zero, places);
}

// q·10^shift in fixed notation with `places` decimals: a percent is q
// rounded at places + 2 and printed with `places`, with no multiplication.
std::string FixedOf(const mpq_class& q, int places, int shift = 0) {
  if (auto small = ScaledHalfUpSmall(q, places + shift)) return FixedFromWide(*small, sgn(q) < 0, places);
  return FixedFromScaled(ScaledHalfUp(q, places + shift), places);
}

}  // namespace

// Builds and computes on the two forms of a Decimal (decimal.h).
struct DecimalAccess {
  // n/d already in lowest terms with d > 0 and both within kSmall.
  static Decimal Small(std::int64_t n, std::int64_t d) {
    Decimal r;
    r.n_ = n;
    r.d_ = d;
    return r;
  }

  // A canonical rational, in the small form when it fits.
  static void Settle(Decimal& r, mpq_class&& q) {
    if (mpz_fits_slong_p(q.get_num_mpz_t()) && mpz_fits_slong_p(q.get_den_mpz_t())) {
      long n = mpz_get_si(q.get_num_mpz_t()), d = mpz_get_si(q.get_den_mpz_t());
      if (n >= -Decimal::kSmall && n <= Decimal::kSmall && d <= Decimal::kSmall) {
        r.n_ = n;
        r.d_ = d;
        r.big_.reset();
        return;
      }
    }
    r.n_ = 0;
    r.d_ = 1;
    r.big_ = std::make_unique<mpq_class>(std::move(q));
  }

  // GMP's arithmetic on canonical operands gives a canonical result.
  static Decimal Exact(mpq_class&& q) {
    Decimal r;
    Settle(r, std::move(q));
    return r;
  }

  // n/d from 128-bit parts in lowest terms, d > 0.
  static Decimal FromWide(SignedWide n, Wide d) {
    Wide mag = n < 0 ? static_cast<Wide>(-n) : static_cast<Wide>(n);
    if (mag <= static_cast<Wide>(Decimal::kSmall) && d <= static_cast<Wide>(Decimal::kSmall))
      return Small(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
    mpq_class q;
    mpz_class num = MpzFromWide(mag);
    q.get_num() = n < 0 ? mpz_class(-num) : num;
    q.get_den() = MpzFromWide(d);
    return Exact(std::move(q));
  }

  static std::uint64_t Gcd(std::uint64_t a, std::uint64_t b) {
    while (b != 0) {
      std::uint64_t t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
  static std::uint64_t Abs(std::int64_t v) { return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v); }

  // n/d, d > 0, both within kSmall, brought to lowest terms.
  static Decimal Reduced(std::int64_t n, std::int64_t d) {
    const std::int64_t g = static_cast<std::int64_t>(Gcd(Abs(n), static_cast<std::uint64_t>(d)));
    return Small(n / g, d / g);
  }

  // a/b + c/d as GMP adds rationals: with g = gcd(b, d), the sum is
  // t / (b/g · d/g2) where t = a·(d/g) + c·(b/g) and g2 = gcd(t, g).
  static Decimal Add(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d) {
    if (a == 0) return Small(c, d);
    if (c == 0) return Small(a, b);
    const std::uint64_t g = Gcd(static_cast<std::uint64_t>(b), static_cast<std::uint64_t>(d));
    const std::int64_t b_g = b / static_cast<std::int64_t>(g), d_g = d / static_cast<std::int64_t>(g);
    const SignedWide t = static_cast<SignedWide>(a) * d_g + static_cast<SignedWide>(c) * b_g;  // |t| < 2^125
    if (t == 0) return Decimal();
    if (g == 1) return FromWide(t, static_cast<Wide>(b) * static_cast<Wide>(d));
    const Wide t_mag = t < 0 ? static_cast<Wide>(-t) : static_cast<Wide>(t);
    const std::uint64_t g2 = Gcd(g, static_cast<std::uint64_t>(t_mag % g));
    return FromWide(t / static_cast<SignedWide>(g2), static_cast<Wide>(b_g) * static_cast<Wide>(d / static_cast<std::int64_t>(g2)));
  }

  // (a/b)·(c/d) with the common factors taken out first, as GMP does.
  static Decimal Mul(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d) {
    if (a == 0 || c == 0) return Decimal();
    const std::uint64_t g1 = Gcd(Abs(a), static_cast<std::uint64_t>(d));
    const std::uint64_t g2 = Gcd(Abs(c), static_cast<std::uint64_t>(b));
    const SignedWide n = static_cast<SignedWide>(a / static_cast<std::int64_t>(g1)) * (c / static_cast<std::int64_t>(g2));
    const Wide den = static_cast<Wide>(b / static_cast<std::int64_t>(g2)) * static_cast<Wide>(d / static_cast<std::int64_t>(g1));
    return FromWide(n, den);
  }

  // x·10^shift rounded at `places` and printed.
  static std::string Fixed(const Decimal& x, int places, int shift) {
    const int at = places + shift;
    if (kWideRounding && !x.big_ && at >= 0 && at <= 18) {
      Wide scaled = ScaledHalfUpWide(Abs(x.n_), static_cast<Wide>(x.d_), at);
      return FixedFromWide(scaled, x.n_ < 0, places);
    }
    return FixedOf(x.Raw(), places, shift);
  }
};

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
  if (digits.size() + 3 > kMaxExactDigits) return std::nullopt;  // 10^scale and a percent's 100 within it too
  const int scale = frac + (percent ? 2 : 0);
  if (kWideRounding && digits.size() <= 18 && scale <= 18) {  // both parts below 10^18 < 2^62
    std::int64_t num = 0;
    for (char c : digits) num = num * 10 + (c - '0');
    std::int64_t den = 1;
    for (int k = 0; k < scale; ++k) den *= 10;
    return DecimalAccess::Reduced(negative ? -num : num, den);
  }
  mpz_class num(digits, 10);
  if (negative) num = -num;
  return Decimal(mpq_class(num, Pow10(scale)));
}

Decimal Decimal::Round(int places) const {
  if (kWideRounding && !big_ && places >= 0 && places <= 18) {
    Wide scaled = ScaledHalfUpWide(static_cast<Wide>(n_ < 0 ? -n_ : n_), static_cast<Wide>(d_), places);
    std::int64_t p10 = 1;
    for (int k = 0; k < places; ++k) p10 *= 10;
    if (scaled <= static_cast<Wide>(kSmall)) {
      std::int64_t m = static_cast<std::int64_t>(scaled);
      return DecimalAccess::Reduced(n_ < 0 ? -m : m, p10);
    }
  }
  const mpq_class q = Raw();
  return Decimal(mpq_class(ScaledHalfUp(q, places), Pow10(places)));
}

Decimal Decimal::Ceil() const {
  if (!big_) {
    std::int64_t f = n_ / d_;  // toward zero
    return DecimalAccess::Small(f + (n_ % d_ != 0 && n_ > 0 ? 1 : 0), 1);
  }
  mpz_class n;
  mpz_cdiv_q(n.get_mpz_t(), big_->get_num_mpz_t(), big_->get_den_mpz_t());
  return Decimal(mpq_class(n));
}

Decimal Decimal::Floor() const {
  if (!big_) {
    std::int64_t f = n_ / d_;
    return DecimalAccess::Small(f - (n_ % d_ != 0 && n_ < 0 ? 1 : 0), 1);
  }
  mpz_class n;
  mpz_fdiv_q(n.get_mpz_t(), big_->get_num_mpz_t(), big_->get_den_mpz_t());
  return Decimal(mpq_class(n));
}

std::string Decimal::ToFixed(int places) const { return DecimalAccess::Fixed(*this, places, 0); }

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

std::string Decimal::ToPercent(int places) const { return DecimalAccess::Fixed(*this, places, 2) + "%"; }

std::string Decimal::ToPercentShort(int places) const {
  return Shortened(DecimalAccess::Fixed(*this, places, 2)) + "%";
}

std::string Decimal::ToExactString() const { return ToShort(12); }

// ---- the two forms ----

Decimal::Decimal(long v) {
  if (v >= -kSmall && v <= kSmall) n_ = v;
  else big_ = std::make_unique<mpq_class>(v);
}

Decimal::Decimal(const mpq_class& q) : Decimal(mpq_class(q)) {}

Decimal::Decimal(mpq_class&& q) {
  q.canonicalize();
  DecimalAccess::Settle(*this, std::move(q));
}

Decimal::Decimal(const Decimal& o) : n_(o.n_), d_(o.d_), big_(o.big_ ? std::make_unique<mpq_class>(*o.big_) : nullptr) {}

Decimal& Decimal::operator=(const Decimal& o) {
  if (this != &o) {
    n_ = o.n_;
    d_ = o.d_;
    big_ = o.big_ ? std::make_unique<mpq_class>(*o.big_) : nullptr;
  }
  return *this;
}

mpq_class Decimal::Raw() const {
  if (big_) return *big_;
  mpq_class q;
  q.get_num() = MpzFromWide(DecimalAccess::Abs(n_));
  if (n_ < 0) q.get_num() = -q.get_num();
  q.get_den() = MpzFromWide(static_cast<Wide>(d_));
  return q;  // already in lowest terms
}

size_t Decimal::NumeratorDigits() const {
  if (big_) return mpz_sizeinbase(big_->get_num_mpz_t(), 10);
  return std::to_string(n_ < 0 ? DecimalAccess::Abs(n_) : static_cast<std::uint64_t>(n_)).size();
}

size_t Decimal::DenominatorDigits() const {
  if (big_) return mpz_sizeinbase(big_->get_den_mpz_t(), 10);
  return std::to_string(d_).size();
}

namespace {
// The bounds of a/b op c/d before it is computed: a sum's numerator is at
// most a·d + c·b (one digit more than the larger product), its denominator
// b·d; a product's parts are at most a·c and b·d; a quotient's a·d and b·c.
// A product of numbers of m and n digits has at most m + n digits.
enum class Op { kSum, kProduct, kQuotient };
void CheckExactLimit(const Decimal& x, const Decimal& y, Op op) {
  const size_t a = x.NumeratorDigits(), b = x.DenominatorDigits();
  const size_t c = y.NumeratorDigits(), d = y.DenominatorDigits();
  size_t num = 0, den = 0;
  switch (op) {
    case Op::kSum: num = std::max(a + d, c + b) + 1; den = b + d; break;
    case Op::kProduct: num = a + c; den = b + d; break;
    case Op::kQuotient: num = a + d; den = b + c; break;
  }
  if (num > kMaxExactDigits || den > kMaxExactDigits) throw DecimalLimitError();
}
}  // namespace

// Two small operands give at most 38 digits: only GMP's path is checked.
Decimal Decimal::operator+(const Decimal& o) const {
  if (kWideRounding && !big_ && !o.big_) return DecimalAccess::Add(n_, d_, o.n_, o.d_);
  CheckExactLimit(*this, o, Op::kSum);
  return DecimalAccess::Exact(Raw() + o.Raw());
}

Decimal Decimal::operator-(const Decimal& o) const {
  if (kWideRounding && !big_ && !o.big_) return DecimalAccess::Add(n_, d_, -o.n_, o.d_);
  CheckExactLimit(*this, o, Op::kSum);
  return DecimalAccess::Exact(Raw() - o.Raw());
}

Decimal Decimal::operator*(const Decimal& o) const {
  if (kWideRounding && !big_ && !o.big_) return DecimalAccess::Mul(n_, d_, o.n_, o.d_);
  CheckExactLimit(*this, o, Op::kProduct);
  return DecimalAccess::Exact(Raw() * o.Raw());
}

Decimal Decimal::operator/(const Decimal& o) const {
  if (kWideRounding && !big_ && !o.big_ && o.n_ != 0)  // by zero: GMP's path, which aborts
    return DecimalAccess::Mul(n_, d_, o.n_ < 0 ? -o.d_ : o.d_, o.n_ < 0 ? -o.n_ : o.n_);
  CheckExactLimit(*this, o, Op::kQuotient);
  return DecimalAccess::Exact(Raw() / o.Raw());
}

Decimal Decimal::operator-() const {
  if (!big_) return DecimalAccess::Small(-n_, d_);
  return DecimalAccess::Exact(-*big_);
}

int Decimal::Compare(const Decimal& o) const {
  if (kWideRounding && !big_ && !o.big_) {
    if (d_ == o.d_) return (n_ > o.n_) - (n_ < o.n_);
    SignedWide l = static_cast<SignedWide>(n_) * o.d_, r = static_cast<SignedWide>(o.n_) * d_;
    return (l > r) - (l < r);
  }
  return cmp(Raw(), o.Raw());
}

}  // namespace jixiao
