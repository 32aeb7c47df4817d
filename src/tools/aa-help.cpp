// Build tool: writes the help as the HTML page inside the extension, or as Markdown (docs/help.md).
// Usage: aa-help html OUTPUT.html
//        aa-help markdown OUTPUT.md
#include "Errors.hpp"
#include "Help.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace
{
void write(const std::filesystem::path& path, const std::string& text)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}
} // namespace

int main(int argc, char** argv)
{
    if (argc != 3 || (std::string(argv[1]) != "html" && std::string(argv[1]) != "markdown"))
    {
        std::cerr << "usage: aa-help html OUTPUT.html | aa-help markdown OUTPUT.md\n";
        return 2;
    }
    try
    {
        const auto pages = aa::helpPages();
        if (std::string(argv[1]) == "markdown")
        {
            write(argv[2], aa::toMarkdown(pages));
            return 0;
        }
        write(argv[2], aa::toHtml(pages, "en-GB"));
        return 0;
    }
    catch (const std::exception& e)
    {
        std::cerr << "aa-help: " << e.what() << "\n";
        return 1;
    }
}
