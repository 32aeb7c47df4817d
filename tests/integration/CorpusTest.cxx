// Real .docx files saved by Word: insert, save as .docx, reload, read back, lose nothing.
#include "WriterFixture.hxx"

#include "Strings.hpp"

#include "Json.hpp"
#include "Plan.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

#include <filesystem>

using namespace css;
using namespace aa::test;

namespace
{
std::vector<std::string> corpusFiles()
{
    std::vector<std::string> files;
    if (!std::filesystem::is_directory(AA_CORPUS_DIR))
        return files;
    for (const auto& entry : std::filesystem::directory_iterator(AA_CORPUS_DIR))
        if (entry.path().extension() == ".docx")
            files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

/// The document's own paragraphs: not ours, not empty (inserting adds one empty paragraph).
std::vector<std::string> ownParagraphs(const uno::Reference<text::XTextDocument>& doc)
{
    std::vector<std::string> own;
    for (const Para& p : bodyParagraphs(doc))
    {
        const bool ours = p.style.rfind("Analysis", 0) == 0
                          || (p.style == "<table>"
                              && p.text.find(aa::Strings::builtIn().get("plan.outcome")) != std::string::npos);
        if (!ours && !p.text.empty())
            own.push_back(p.style == "<table>" ? "<table>" + p.text : p.text);
    }
    return own;
}
} // namespace

TEST(WordCorpus, InsertSaveAsDocxReloadReadsBackAndKeepsTheirContent)
{
    const auto files = corpusFiles();
    if (files.empty())
        GTEST_SKIP() << "no Word corpus at " << AA_CORPUS_DIR;
    const aa::Analysis expected = aa::withPlan(aa::parseAnalysis(sampleJson()));
    for (const std::string& file : files)
    {
        SCOPED_TRACE(file);
        uno::Reference<text::XTextDocument> doc(office().load(aa::client::fileUrl(file)), uno::UNO_QUERY_THROW);
        Closer closer(doc);
        const auto theirs = ownParagraphs(doc);
        // At the end of the body, after whatever the document holds (tables included).
        uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
        uno::Reference<text::XTextViewCursorSupplier> xView(xModel->getCurrentController(), uno::UNO_QUERY_THROW);
        xView->getViewCursor()->gotoRange(doc->getText()->getEnd(), false);
        AA_UNO(insert(doc, sampleJson()));
        EXPECT_EQ(ownParagraphs(doc), theirs);

        uno::Reference<text::XTextDocument> reloaded;
        AA_UNO(reloaded = roundTrip(doc, "corpus.docx", "MS Word 2007 XML"));
        Closer closeReloaded(reloaded);
        std::string readBack;
        AA_UNO(readBack = read(reloaded));
        EXPECT_TRUE(aa::parseAnalysis(readBack) == expected) << readBack.substr(0, 300);
        EXPECT_EQ(ownParagraphs(reloaded), theirs);
    }
}
