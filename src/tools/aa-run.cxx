// The main job: opens the sample report in a private headless Writer with the extension
// installed, inserts the sample analysis at the report's analysis place, and writes the result
// as .odt, .docx and .pdf.
#include "Office.hxx"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

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

/// Puts the view cursor on the report's "AnalysisPlace" bookmark, when there is one.
void moveToAnalysisPlace(const uno::Reference<lang::XComponent>& xDoc)
{
    uno::Reference<text::XBookmarksSupplier> xBookmarks(xDoc, uno::UNO_QUERY_THROW);
    if (!xBookmarks->getBookmarks()->hasByName("AnalysisPlace"))
        return;
    uno::Reference<text::XTextContent> xMark(xBookmarks->getBookmarks()->getByName("AnalysisPlace"),
                                             uno::UNO_QUERY_THROW);
    uno::Reference<frame::XModel> xModel(xDoc, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextViewCursorSupplier> xView(xModel->getCurrentController(),
                                                        uno::UNO_QUERY_THROW);
    xView->getViewCursor()->gotoRange(xMark->getAnchor(), false);
}
} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> opt{ { "--profile", "build/profile" },
                                            { "--oxt", "build/assessment-analysis.oxt" },
                                            { "--report", "samples/sample-report.fodt" },
                                            { "--analysis", "samples/sample-analysis.json" },
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
        moveToAnalysisPlace(xDoc);
        office.call("insert", xDoc, readFile(opt["--analysis"]));
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
