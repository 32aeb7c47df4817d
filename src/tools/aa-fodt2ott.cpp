// Build tool: makes an ODF package (.ott, .odt) from a flat ODF file (.fodt).
// Usage: aa-fodt2ott INPUT.fodt OUTPUT.ott
#include "Errors.hpp"
#include "FlatOdf.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv)
{
    if (argc != 3)
    {
        std::cerr << "usage: aa-fodt2ott INPUT.fodt OUTPUT.ott\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in)
    {
        std::cerr << "aa-fodt2ott: cannot read " << argv[1] << "\n";
        return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();
    try
    {
        const std::string package = aa::packageFromFlatOdf(text.str());
        std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
        out << package;
        if (!out)
        {
            std::cerr << "aa-fodt2ott: cannot write " << argv[2] << "\n";
            return 1;
        }
    }
    catch (const aa::InputError& e)
    {
        std::cerr << "aa-fodt2ott: " << argv[1] << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}
