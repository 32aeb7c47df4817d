// The main job: opens the sample report in a private headless Writer with the extension
// installed, inserts the sample analysis (each part at the report's place for it), adds the
// sample supervision entry (--supervision, when given), and writes the result as .odt, .docx and
// .pdf.
#include "Office.hxx"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

using namespace css;

namespace
{
std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> opt{ { "--profile", "build/profile" },
                                            { "--oxt", "build/assessment-analysis.oxt" },
                                            { "--report", "samples/sample-report.fodt" },
                                            { "--analysis", "samples/sample-analysis.json" },
                                            { "--supervision", "" },
                                            { "--out", "out" },
                                            { "--name", "sample-assessment" } };
    for (int i = 1; i + 1 < argc; i += 2)
    {
        if (!opt.count(argv[i]))
        {
            std::cerr << "unknown option " << argv[i] << "\n";
            return 2;
        }
        opt[argv[i]] = argv[i + 1];
    }
    try
    {
        std::filesystem::remove_all(opt["--profile"]);
        aa::client::Office office({ opt["--profile"], opt["--oxt"], true });
        auto xDoc = office.load(aa::client::fileUrl(opt["--report"]));
        office.call("insert", xDoc, readFile(opt["--analysis"]));
        if (!opt["--supervision"].empty())
            office.call("addSupervision", xDoc, {}, 0, { { "Supervision", readFile(opt["--supervision"]) } });
        std::filesystem::create_directories(opt["--out"]);
        const std::string base = opt["--out"] + "/" + opt["--name"];
        aa::client::Office::storeTo(xDoc, aa::client::fileUrl(base + ".odt"), "writer8");
        aa::client::Office::storeTo(xDoc, aa::client::fileUrl(base + ".docx"), "MS Word 2007 XML");
        aa::client::Office::storeTo(xDoc, aa::client::fileUrl(base + ".pdf"), "writer_pdf_Export");
        aa::client::Office::close(xDoc);
        std::cout << "wrote " << base << ".odt, .docx and .pdf\n";
        return 0;
    }
    catch (const uno::Exception& e)
    {
        std::cerr << "aa-run: " << aa::client::describe(e) << "\n";
    }
    catch (const std::exception& e)
    {
        std::cerr << "aa-run: " << e.what() << "\n";
    }
    return 1;
}
