#include "Strings.hpp"

#include "EmbeddedResources.hpp"
#include "Utf8.hpp"

#include <atomic>

namespace aa
{
namespace
{
std::string_view trimLeft(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
    return s.substr(i);
}

std::string_view trimRight(std::string_view s)
{
    std::size_t n = s.size();
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        --n;
    return s.substr(0, n);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string unescape(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i)
    {
        if (s[i] != '\\' || i + 1 == s.size())
        {
            out += s[i];
            continue;
        }
        const char next = s[++i];
        if (next == 'n')
            out += '\n';
        else if (next == 't')
            out += '\t';
        else if (next == 'u' && i + 4 < s.size())
        {
            char32_t code = 0;
            bool ok = true;
            for (std::size_t k = 1; k <= 4; ++k)
            {
                const int v = hexValue(s[i + k]);
                ok = ok && v >= 0;
                code = code * 16 + static_cast<char32_t>(v < 0 ? 0 : v);
            }
            if (ok)
            {
                appendUtf8(out, code);
                i += 4;
            }
            else
                out += next;
        }
        else
            out += next;
    }
    return out;
}
} // namespace

Strings Strings::parse(std::string_view text)
{
    Strings strings;
    std::size_t pos = 0;
    while (pos < text.size())
    {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = trimRight(trimLeft(text.substr(pos, end - pos)));
        pos = end + 1;
        if (line.empty() || line[0] == '#' || line[0] == '!')
            continue;
        const std::size_t eq = line.find('=');
        if (eq == std::string_view::npos)
            continue;
        const std::string key(trimRight(line.substr(0, eq)));
        if (key.empty())
            continue;
        strings.values_[key] = unescape(trimLeft(line.substr(eq + 1)));
    }
    return strings;
}

namespace
{
const Strings& enGb()
{
    static const Strings strings = Strings::parse(embeddedStringsEnGb());
    return strings;
}

std::atomic<const Strings*>& active()
{
    static std::atomic<const Strings*> current{ nullptr };
    return current;
}
} // namespace

Strings Strings::overlaidWith(const Strings& other) const
{
    Strings merged = *this;
    for (const auto& [key, value] : other.values_)
        merged.values_[key] = value;
    return merged;
}

const Strings& Strings::forLocale(std::string_view locale)
{
    static const Strings enUs = enGb().overlaidWith(parse(embeddedStringsEnUs()));
    return locale == "en-US" ? enUs : enGb();
}

void Strings::useLocale(std::string_view locale) { active().store(&forLocale(locale)); }

const Strings& Strings::builtIn()
{
    const Strings* current = active().load();
    return current ? *current : enGb();
}

std::string Strings::get(const std::string& key) const
{
    auto it = values_.find(key);
    return it == values_.end() ? "[" + key + "]" : it->second;
}

std::string Strings::format(const std::string& key, const std::vector<std::string>& args) const
{
    const std::string pattern = get(key);
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i)
    {
        if (pattern[i] == '{')
        {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string::npos && close > i + 1)
            {
                const std::string number = pattern.substr(i + 1, close - i - 1);
                if (number.find_first_not_of("0123456789") == std::string::npos)
                {
                    const std::size_t index = std::stoul(number);
                    if (index >= 1 && index <= args.size())
                    {
                        out += args[index - 1];
                        i = close;
                        continue;
                    }
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

std::vector<std::string> Strings::keys() const
{
    std::vector<std::string> result;
    result.reserve(values_.size());
    for (const auto& entry : values_)
        result.push_back(entry.first);
    return result;
}

} // namespace aa
