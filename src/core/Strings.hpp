// User-visible texts, loaded from a .properties resource (see resources/).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aa
{

/// A set of key=value texts. Values may hold {1}, {2} ... placeholders.
class Strings
{
public:
    /// Parses .properties text (UTF-8; '#' or '!' comments; \uXXXX, \n, \t, \\ escapes).
    /// Malformed lines (no '=') are ignored; a later key replaces an earlier one.
    static Strings parse(std::string_view text);

    /// The texts built into the library in the language chosen by useLocale() (en-GB until then).
    static const Strings& builtIn();
    /// The built-in texts for a BCP 47 locale: en-US spellings for "en-US", en-GB (the
    /// reference) for everything else.
    static const Strings& forLocale(std::string_view locale);
    /// Makes builtIn() answer in this locale's texts (LibreOffice's UI language).
    static void useLocale(std::string_view locale);
    /// This set with every key of other replacing its own (a language over the reference).
    Strings overlaidWith(const Strings& other) const;

    /// The text for key; a missing key yields "[key]" so that a gap shows and never throws.
    std::string get(const std::string& key) const;
    /// get(key) with {1}, {2} ... replaced by args in order.
    std::string format(const std::string& key, const std::vector<std::string>& args) const;
    bool has(const std::string& key) const { return values_.count(key) != 0; }
    std::vector<std::string> keys() const;

private:
    std::map<std::string, std::string> values_;
};

} // namespace aa
