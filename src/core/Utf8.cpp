#include "Utf8.hpp"

#include <ctime>

namespace aa
{

void appendUtf8(std::string& out, char32_t code)
{
    if (code < 0x80)
        out += static_cast<char>(code);
    else if (code < 0x800)
    {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    else if (code < 0x10000)
    {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    else
    {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

std::size_t codePointCount(std::string_view text)
{
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

std::optional<char32_t> firstForbiddenCodePoint(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 && byte != '\t' && byte != '\n')
            return char32_t{ byte };
        if (byte == 0x7F)
            return char32_t{ byte };
        // C1 controls are U+0080..U+009F: encoded as C2 80..C2 9F.
        if (byte == 0xC2 && i + 1 < text.size())
        {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            if (second >= 0x80 && second <= 0x9F)
                return char32_t{ second }; // U+0080..U+009F
        }
        // U+FFFE and U+FFFF are EF BF BE / EF BF BF.
        if (byte == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF)
        {
            const auto third = static_cast<unsigned char>(text[i + 2]);
            if (third == 0xBE || third == 0xBF)
                return char32_t{ 0xFFFEu + (third - 0xBEu) };
        }
    }
    return std::nullopt;
}

std::vector<std::string> splitParagraphs(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t end = text.find('\n', start);
        out.push_back(text.substr(start, end - start));
        if (end == std::string::npos)
            return out;
        start = end + 1;
    }
}

std::string escapeXml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text)
    {
        switch (c)
        {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::tm localNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &now);
#else
    localtime_r(&now, &local);
#endif
    return local;
}

std::string displayDate(const std::string& iso, std::string_view language)
{
    static const char* const months[] = { "January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December" };
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || language.substr(0, 2) != "en")
        return iso;
    for (std::size_t i = 0; i < iso.size(); ++i)
        if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
            return iso;
    const int month = (iso[5] - '0') * 10 + (iso[6] - '0');
    const int day = (iso[8] - '0') * 10 + (iso[9] - '0');
    const int y = std::stoi(iso.substr(0, 4));
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1] || (month == 2 && day == 29 && !leap))
        return iso;
    const std::string year = iso.substr(0, 4);
    if (language == "en-US")
        return std::string(months[month - 1]) + " " + std::to_string(day) + ", " + year;
    return std::to_string(day) + " " + months[month - 1] + " " + year;
}

std::string todayIso()
{
    const std::tm local = localNow();
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

std::string truncateUtf8(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return std::string(text.substr(0, end));
}

std::string unixLineBreaks(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '\r')
        {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        }
        else
            out += text[i];
    }
    return out;
}

bool isBlank(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0')
        {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

std::string foldQuotes(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        // U+2018 and U+2019 are E2 80 98/99; U+201C and U+201D are E2 80 9C/9D.
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2
            && static_cast<unsigned char>(text[i + 1]) == 0x80)
        {
            const auto c = static_cast<unsigned char>(text[i + 2]);
            if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D)
            {
                out += (c == 0x98 || c == 0x99) ? '\'' : '"';
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace aa
