// Round trips, and .docx files in the form Word itself writes: w:bookmarkStart/End, REF fields
// with \h, w:hyperlink w:anchor; once with our styles, once with the styles replaced by direct
// formatting (what a document that went through some Word installations looks like).
#include "WriterFixture.hxx"

#include "Catalogue.hpp"
#include "Compose.hpp"
#include "DocumentStructure.hpp"
#include "Json.hpp"
#include "OdtFragment.hpp"
#include "Plan.hpp"
#include "Utf8.hpp"
#include "Zip.hpp"

#include <fstream>

using namespace css;
using namespace aa::test;

namespace
{
/// Writes a .docx the way Word does, from an analysis (with its plan).
class WordWriter
{
public:
    WordWriter(const aa::Analysis& analysis, bool withStyles) : m_analysis(analysis), m_styles(withStyles) {}

    std::string docx()
    {
        // What our writer puts in the document (aa::Composer), in Word's form.
        const aa::Composer compose(m_analysis);
        para("Heading1", "A report written in Word", true);
        para("Normal", "Some text the practitioner wrote before the analysis.", false);
        paragraph(compose.analysisHeading());
        for (std::size_t s = 0; s < aa::sectionCount; ++s)
        {
            const auto section = static_cast<aa::Section>(s);
            if (section == aa::Section::Plan)
            {
                paragraph(compose.sectionHeading(section));
                table(compose);
            }
            for (const aa::NewParagraph& p : compose.section(section, section != aa::Section::Plan))
                paragraph(p);
        }
        para("Normal", "Text after the analysis.", false);
        return aa::storedZip({ { "[Content_Types].xml", contentTypes() },
                               { "_rels/.rels", rels() },
                               { "word/_rels/document.xml.rels", documentRels() },
                               { "word/document.xml", document() },
                               { "word/styles.xml", stylesXml() } });
    }

private:
    std::string style(aa::Role role, std::size_t index = 0) const
    {
        return m_styles ? styleId(aa::styleName(role, index)) : "Normal";
    }
    static std::string styleId(const std::string& name)
    {
        std::string id;
        for (char c : name)
            if (c != ' ')
                id += c;
        return id;
    }
    std::string pPr(const std::string& styleId) const
    {
        return styleId == "Normal" ? "" : "<w:pPr><w:pStyle w:val=\"" + styleId + "\"/></w:pPr>";
    }
    std::string run(const std::string& text, bool bold) const
    {
        // Without styles, Word keeps the look as direct formatting.
        const std::string rPr = (!m_styles && bold) ? "<w:rPr><w:b/></w:rPr>" : "";
        return "<w:r>" + rPr + "<w:t xml:space=\"preserve\">" + aa::escapeXml(text) + "</w:t></w:r>";
    }
    void para(const std::string& styleId, const std::string& text, bool bold)
    {
        m_body += "<w:p>" + pPr(styleId) + run(text, bold) + "</w:p>";
    }
    /// inner between a w:bookmarkStart and its w:bookmarkEnd (a point bookmark when empty).
    std::string bookmarked(const std::string& name, const std::string& inner)
    {
        const std::string id = std::to_string(++m_bookmarkId);
        return "<w:bookmarkStart w:id=\"" + id + "\" w:name=\"" + name + "\"/>" + inner + "<w:bookmarkEnd w:id=\"" + id
               + "\"/>";
    }
    /// A hyperlink to one of our bookmarks around a REF field showing its text, as Word writes it.
    std::string link(const aa::Run& link) const
    {
        const std::string& mark = link.mark;
        return "<w:hyperlink w:anchor=\"" + mark
               + "\" w:history=\"1\">"
                 "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                 "<w:r><w:instrText xml:space=\"preserve\"> REF "
               + mark
               + " \\h </w:instrText></w:r>"
                 "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
               + run(link.text, false) + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink>";
    }
    /// A paragraph of our writer's in Word's form. A prompt (our placeholder) is left out: in
    /// Word's form the answer is simply empty.
    void paragraph(const aa::NewParagraph& p)
    {
        const bool heading = p.role == aa::Role::Heading || p.role == aa::Role::Subheading
                             || p.role == aa::Role::IssueTitle || p.role == aa::Role::AdultName
                             || p.role == aa::Role::Question;
        std::string inner;
        for (const aa::Run& r : p.runs)
            switch (r.kind)
            {
                case aa::Run::Kind::Text:
                    inner += run(r.text, heading);
                    break;
                case aa::Run::Kind::Strong:
                    inner += run(r.text, true);
                    break;
                case aa::Run::Kind::Marked:
                    inner += bookmarked(r.mark, run(r.text, heading));
                    break;
                case aa::Run::Kind::Link:
                    inner += link(r);
                    break;
                case aa::Run::Kind::Prompt:
                    break;
            }
        m_body += "<w:p>" + pPr(style(p.role, p.index)) + inner + "</w:p>";
    }
    std::string cell(const std::string& inner) const
    {
        return "<w:tc><w:tcPr><w:tcW w:w=\"1200\" w:type=\"dxa\"/></w:tcPr>" + inner + "</w:tc>";
    }
    void table(const aa::Composer& compose)
    {
        const aa::Strings& s = aa::Strings::builtIn();
        const std::vector<aa::PlanColumn> columns = aa::planTableColumns(m_analysis.plan);
        m_body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>";
        for (std::size_t c = 0; c < columns.size(); ++c)
            m_body += "<w:gridCol w:w=\"1200\"/>";
        m_body += "</w:tblGrid><w:tr>";
        for (aa::PlanColumn c : columns)
            m_body += cell("<w:p>" + pPr(style(aa::Role::PlanHeader))
                           + run(s.get(std::string("plan.") + aa::jsonName(c)), true) + "</w:p>");
        m_body += "</w:tr>";
        for (const aa::PlanRow& row : m_analysis.plan)
        {
            m_body += "<w:tr>";
            for (aa::PlanColumn c : columns)
            {
                std::string inner;
                if (c == aa::PlanColumn::Issue)
                {
                    for (const std::string& id : row.issues)
                        inner += "<w:p>" + pPr(style(aa::Role::PlanCell)) + link(compose.link(aa::MarkKind::Issue, id))
                                 + "</w:p>";
                    if (row.issues.empty())
                        inner = "<w:p>" + pPr(style(aa::Role::PlanCell)) + "</w:p>";
                }
                else
                {
                    std::string first = (c == aa::PlanColumn::Action && !row.help.empty())
                                            ? bookmarked(aa::bookmarkName(aa::MarkKind::Plan, row.help), "")
                                            : "";
                    if (c == aa::PlanColumn::Action && row.must)
                        first += run(compose.mustPrefix(), true);
                    inner = "<w:p>" + pPr(style(aa::Role::PlanCell)) + first + run(row.cell(c), false) + "</w:p>";
                }
                m_body += cell(inner);
            }
            m_body += "</w:tr>";
        }
        m_body += "</w:tbl>";
    }
    std::string document() const
    {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
               "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
               + m_body + "<w:sectPr/></w:body></w:document>";
    }
    std::string stylesXml() const
    {
        std::string xml
            = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
              "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
              "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/></w:style>";
        if (m_styles)
            for (const aa::StyleSpec& spec : aa::styleSpecs())
                xml += "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + styleId(spec.name)
                       + "\"><w:name w:val=\"" + spec.name + "\"/><w:basedOn w:val=\"Normal\"/></w:style>";
        return xml + "</w:styles>";
    }
    static std::string contentTypes()
    {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
               "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
               "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
               "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
               "</Types>";
    }
    static std::string documentRels()
    {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
               "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
               "</Relationships>";
    }
    static std::string rels()
    {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
               "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
               "</Relationships>";
    }

    const aa::Analysis& m_analysis;
    bool m_styles;
    std::string m_body;
    int m_bookmarkId = 0;
};

uno::Reference<text::XTextDocument> loadWordForm(const aa::Analysis& analysis, bool withStyles, const std::string& name)
{
    const std::string path = workDir() + "/" + name;
    std::ofstream(path, std::ios::binary) << WordWriter(analysis, withStyles).docx();
    return uno::Reference<text::XTextDocument>(office().load(aa::client::fileUrl(path)), uno::UNO_QUERY_THROW);
}
} // namespace

TEST(RoundTrip, OdtToDocxToOdtReadsTheSameAndUpdatesAfterEachStep)
{
    const aa::Analysis expected = aa::withPlan(aa::parseAnalysis(sampleJson()));
    auto doc = documentWith({ "Before", "After" });
    Closer closer(doc);
    placeCursor(doc, 0, 6);
    AA_UNO(insert(doc, sampleJson()));
    uno::Reference<text::XTextDocument> asDocx, backToOdt;
    AA_UNO(asDocx = roundTrip(doc, "step1.docx", "MS Word 2007 XML"));
    Closer closeDocx(asDocx);
    EXPECT_TRUE(parseRead(read(asDocx)) == expected);
    AA_UNO(backToOdt = roundTrip(asDocx, "step2.odt", "writer8"));
    Closer closeOdt(backToOdt);
    EXPECT_TRUE(parseRead(read(backToOdt)) == expected);

    for (const auto& target : { asDocx, backToOdt })
    {
        aa::Analysis desired = expected;
        desired.issues[1].part(aa::IssuePart::ImpactOnChild) = "Updated after a round trip.";
        desired.list(aa::ListKind::WhatNeedsToHappen)
            .push_back(makeItem("A new idea after the round trip.", { "mentalHealth" }));
        std::string updated, planned;
        AA_UNO(updated = office().call("update", target, aa::toJson(desired)));
        AA_UNO(planned = office().call("updatePlan", target));
        const aa::Analysis after = parseRead(planned);
        EXPECT_EQ(after.issues[1].part(aa::IssuePart::ImpactOnChild), "Updated after a round trip.");
        ASSERT_EQ(after.plan.size(), 7u);
        EXPECT_EQ(after.plan[6].cell(aa::PlanColumn::Action), "A new idea after the round trip.");
        EXPECT_EQ(after.plan[6].issues, std::vector<std::string>{ "mentalHealth" });
    }
}

// A prompt saved to .docx comes back as LibreOffice's own field (7.4) or as a content control
// showing its placeholder (7.5 and later): answering that question replaces it, and the prompt's
// words never become part of the answer.
TEST(RoundTrip, AQuestionLeftAsAPromptInADocxIsAnsweredInItsPlace)
{
    aa::Analysis a = aa::parseAnalysis(sampleJson());
    a.topic(aa::Topic::Safety) = "";
    a.issues[0].part(aa::IssuePart::Origins) = "";
    auto doc = documentWith({ "Before", "After" });
    Closer closer(doc);
    placeCursor(doc, 0, 6);
    AA_UNO(insert(doc, aa::toJson(a)));
    uno::Reference<text::XTextDocument> asDocx;
    AA_UNO(asDocx = roundTrip(doc, "prompts.docx", "MS Word 2007 XML"));
    Closer closeDocx(asDocx);
    const aa::Analysis read1 = parseRead(read(asDocx));
    EXPECT_EQ(read1.topic(aa::Topic::Safety), "");
    EXPECT_EQ(read1.issues[0].part(aa::IssuePart::Origins), "");
    aa::Analysis desired = read1;
    desired.topic(aa::Topic::Safety) = "Maya is safe today: her aunt comes every morning.";
    desired.issues[0].part(aa::IssuePart::Origins) = "The flat was sold in March.";
    std::string updated;
    AA_UNO(updated = office().call("update", asDocx, aa::toJson(desired)));
    const aa::Analysis after = parseRead(read(asDocx));
    EXPECT_EQ(after.topic(aa::Topic::Safety), "Maya is safe today: her aunt comes every morning.");
    EXPECT_EQ(after.issues[0].part(aa::IssuePart::Origins), "The flat was sold in March.");
    const std::string text = bodyText(asDocx);
    EXPECT_EQ(text.find(aa::questionPrompt(aa::QuestionKey::of(aa::Topic::Safety))), std::string::npos)
        << "the prompt's words are left in the document";
}

class WordForm : public ::testing::TestWithParam<bool>
{
};

TEST_P(WordForm, ReadsTheSameAnalysisAndUpdates)
{
    const bool withStyles = GetParam();
    const aa::Analysis expected = aa::withPlan(aa::parseAnalysis(sampleJson()));
    uno::Reference<text::XTextDocument> doc;
    AA_UNO(doc = loadWordForm(expected, withStyles, withStyles ? "word-styles.docx" : "word-direct.docx"));
    Closer closer(doc);
    std::string readBack;
    AA_UNO(readBack = read(doc));
    const aa::Analysis got = parseRead(readBack);
    EXPECT_TRUE(got == expected) << firstDifference(aa::toJson(got), aa::toJson(expected));
    EXPECT_TRUE(got.unplaced.empty()) << got.unplaced.size() << ": " << (got.unplaced.empty() ? "" : got.unplaced[0]);

    // Update works on it, and brings our styles back to what it rewrites.
    aa::Analysis desired = expected;
    desired.issues[0].part(aa::IssuePart::MaintainingFactors) = "Rewritten in Writer.";
    std::string updated;
    AA_UNO(updated = office().call("update", doc, aa::toJson(desired)));
    EXPECT_TRUE(parseRead(updated) == desired) << firstDifference(aa::toJson(parseRead(updated)), aa::toJson(desired));
    const std::string text = bodyText(doc);
    EXPECT_NE(text.find("Some text the practitioner wrote before the analysis."), std::string::npos);
    EXPECT_NE(text.find("Text after the analysis."), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Docx, WordForm, ::testing::Values(true, false), [](const auto& styles) {
    return std::string(styles.param ? "WithOurStyles" : "StylesReplacedByDirectFormatting");
});
