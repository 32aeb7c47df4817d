// The Analysis deck: its panels created by their factory in real headless Writer and driven
// through their controls' models and handler methods, as the sidebar's buttons drive them.
#include "WriterFixture.hxx"

#include "Catalogue.hpp"
#include "Json.hpp"
#include "Panel.hpp"
#include "UnoString.hxx"
#include "Utf8.hpp"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/SimpleFontMetric.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDevice.hpp>
#include <com/sun/star/awt/XFont.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XTextLayoutConstrains.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XRefreshable.hpp>

#include <algorithm>
#include <set>

using namespace css;
using namespace aa::test;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace
{
/// One panel of the deck, created the way the sidebar creates it, for one document.
class Panel
{
public:
    Panel(const uno::Reference<text::XTextDocument>& doc, const char* name)
    {
        auto xContext = office().context();
        uno::Reference<ui::XUIElementFactory> xFactory(
            xContext->getServiceManager()->createInstanceWithContext("org.assessmentanalysis.PanelFactory", xContext),
            uno::UNO_QUERY_THROW);
        uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
        auto xFrame = xModel->getCurrentController()->getFrame();
        uno::Sequence<beans::PropertyValue> aArgs(2);
        aArgs[0].Name = "Frame";
        aArgs[0].Value <<= xFrame;
        aArgs[1].Name = "ParentWindow";
        aArgs[1].Value <<= xFrame->getContainerWindow();
        m_xElement = xFactory->createUIElement(
            "private:resource/toolpanel/AssessmentAnalysisFactory/" + OUString::createFromAscii(name), aArgs);
        m_xHandler.set(m_xElement->getRealInterface(), uno::UNO_QUERY_THROW);
        m_xWindow = uno::Reference<ui::XToolPanel>(m_xElement->getRealInterface(), uno::UNO_QUERY_THROW)->getWindow();
        m_xControls.set(m_xWindow, uno::UNO_QUERY_THROW);
        // As wide as the sidebar's deck is by default (a headless frame gives the panel no width).
        resize(defaultWidth);
    }
    static constexpr int defaultWidth = 300;
    ~Panel()
    {
        try
        {
            uno::Reference<lang::XComponent>(m_xElement, uno::UNO_QUERY_THROW)->dispose();
        }
        catch (...)
        {
        }
    }
    Panel(const Panel&) = delete;
    Panel& operator=(const Panel&) = delete;

    /// Calls a handler method as the control's event would; true when the panel handled it.
    bool press(const char* method)
    {
        return m_xHandler->callHandlerMethod(m_xWindow, uno::Any(), OUString::createFromAscii(method));
    }
    uno::Reference<beans::XPropertySet> model(const char* control) const
    {
        auto xControl = m_xControls->getControl(OUString::createFromAscii(control));
        if (!xControl.is())
            throw std::runtime_error(std::string("no control ") + control);
        return uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW);
    }
    void type(const char* control, const std::string& text)
    {
        model(control)->setPropertyValue("Text", uno::Any(fromUtf8(text)));
    }
    std::string text(const char* control) const
    {
        OUString a;
        model(control)->getPropertyValue("Text") >>= a;
        return toUtf8(a);
    }
    std::string label(const char* control) const
    {
        OUString a;
        model(control)->getPropertyValue("Label") >>= a;
        return toUtf8(a);
    }
    std::vector<std::string> items(const char* control) const
    {
        uno::Sequence<OUString> a;
        model(control)->getPropertyValue("StringItemList") >>= a;
        std::vector<std::string> out;
        for (const OUString& s : a)
            out.push_back(toUtf8(s));
        return out;
    }
    int selected(const char* control) const
    {
        uno::Sequence<sal_Int16> a;
        model(control)->getPropertyValue("SelectedItems") >>= a;
        return a.hasElements() ? a[0] : -1;
    }
    void select(const char* control, int index)
    {
        uno::Sequence<sal_Int16> a(1);
        a[0] = static_cast<sal_Int16>(index);
        model(control)->setPropertyValue("SelectedItems", uno::Any(a));
    }
    std::vector<int> selectedAll(const char* control) const
    {
        uno::Sequence<sal_Int16> a;
        model(control)->getPropertyValue("SelectedItems") >>= a;
        return std::vector<int>(a.begin(), a.end());
    }
    /// The panel as the sidebar sizes it: this wide, as tall as it asks to be at that width.
    void resize(int width)
    {
        const int height = sidebarPanel()->getHeightForWidth(width).Preferred;
        m_xWindow->setPosSize(0, 0, width, height, 15);
    }
    const uno::Reference<awt::XWindow>& window() const { return m_xWindow; }
    void tick(const char* control, bool on)
    {
        model(control)->setPropertyValue("State", uno::Any(static_cast<sal_Int16>(on ? 1 : 0)));
    }
    bool enabled(const char* control) const
    {
        bool b = false;
        model(control)->getPropertyValue("Enabled") >>= b;
        return b;
    }
    const uno::Reference<awt::XControlContainer>& controls() const { return m_xControls; }
    uno::Reference<ui::XSidebarPanel> sidebarPanel() const
    {
        return uno::Reference<ui::XSidebarPanel>(m_xElement->getRealInterface(), uno::UNO_QUERY_THROW);
    }

private:
    uno::Reference<ui::XUIElement> m_xElement;
    uno::Reference<awt::XContainerWindowEventHandler> m_xHandler;
    uno::Reference<awt::XWindow> m_xWindow;
    uno::Reference<awt::XControlContainer> m_xControls;
};

int questionIndex(aa::QuestionKey key)
{
    const auto questions = aa::panelQuestions();
    for (std::size_t i = 0; i < questions.size(); ++i)
        if (questions[i].key == key)
            return static_cast<int>(i);
    return -1;
}
template <typename Part> int questionIndex(Part part) { return questionIndex(aa::QuestionKey::of(part)); }

/// Selects a question in the Questions panel, as a click in its list does.
void ask(class Panel& questions, aa::QuestionKey key);

/// Index (as placeCursor counts) of the n-th body paragraph with this text.
int paragraphWithText(const uno::Reference<text::XTextDocument>& doc, const std::string& text, int nth = 0)
{
    const auto paras = bodyParagraphs(doc);
    for (std::size_t i = 0; i < paras.size(); ++i)
        if (paras[i].text == text && nth-- == 0)
            return static_cast<int>(i);
    return -1;
}

/// Index (as placeCursor counts) of the n-th body paragraph with this style.
int paragraphIndex(const uno::Reference<text::XTextDocument>& doc, const std::string& style, int nth = 0)
{
    const auto paras = bodyParagraphs(doc);
    for (std::size_t i = 0; i < paras.size(); ++i)
        if (paras[i].style == style && nth-- == 0)
            return static_cast<int>(i);
    return -1;
}

aa::Analysis model(const uno::Reference<text::XTextDocument>& doc) { return parseRead(read(doc)); }

uno::Reference<text::XTextDocument> documentWithSample()
{
    auto doc = documentWith({ "Report introduction." });
    placeCursor(doc, 0, 0);
    insert(doc, sampleJson());
    return doc;
}

void ask(Panel& questions, aa::QuestionKey key)
{
    questions.select("QuestionList", questionIndex(key));
    questions.press("questionSelected");
}

/// Adds an item to the list question on show, as typing it and pressing Add does.
void addItem(Panel& questions, const std::string& text)
{
    questions.type("ItemText", text);
    questions.press("addItem");
}

/// Ties the selected item to the rows of the Ties list whose text holds each of the names.
void tie(Panel& questions, const std::vector<std::string>& names)
{
    const auto rows = questions.items("Ties");
    uno::Sequence<sal_Int16> aSelected;
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (const std::string& name : names)
            if (rows[i].find(name) != std::string::npos)
            {
                aSelected.realloc(aSelected.getLength() + 1);
                aSelected[aSelected.getLength() - 1] = static_cast<sal_Int16>(i);
            }
    questions.model("Ties")->setPropertyValue("SelectedItems", uno::Any(aSelected));
    questions.press("tiesChanged");
}

std::string viewCursorParagraph(const uno::Reference<text::XTextDocument>& doc)
{
    uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextViewCursorSupplier> xView(xModel->getCurrentController(), uno::UNO_QUERY_THROW);
    auto xView2 = xView->getViewCursor();
    auto xCursor = xView2->getText()->createTextCursorByRange(xView2->getStart());
    uno::Reference<text::XParagraphCursor> xPara(xCursor, uno::UNO_QUERY_THROW);
    xPara->gotoStartOfParagraph(false);
    xPara->gotoEndOfParagraph(true);
    return toUtf8(xCursor->getString());
}
} // namespace

TEST(Sidebar, NewDocumentAddIssueAnswerAndInsert)
{
    auto doc = documentWith({ "Before the analysis." });
    Closer closer(doc);
    placeCursor(doc, 0, 20);
    AA_UNO({
        Panel issues(doc, "IssuesPanel");
        Panel questions(doc, "QuestionsPanel");
        EXPECT_TRUE(questions.enabled("Insert"));
        EXPECT_FALSE(questions.enabled("Update"));
        EXPECT_NE(questions.label("Status").find("no analysis yet"), std::string::npos) << questions.label("Status");
        // Safety first: what is still empty starts with how safe the child is.
        EXPECT_NE(issues.label("Summary").find("Still empty: how safe the child is now"), std::string::npos)
            << issues.label("Summary");

        // A blank title is refused with a message; nothing is added.
        issues.type("Title", "   ");
        EXPECT_TRUE(issues.press("addIssue"));
        EXPECT_TRUE(issues.items("IssueList").empty());
        EXPECT_NE(questions.label("Status").find("Type a title"), std::string::npos);

        issues.type("Title", "Housing is overcrowded");
        EXPECT_TRUE(issues.press("addIssue"));
        ASSERT_EQ(issues.items("IssueList").size(), 1u);
        EXPECT_EQ(issues.text("Title"), "") << "the title field is cleared for the next issue";
        EXPECT_EQ(issues.selected("IssueList"), 0);
        // The row keeps its status whole; where the title does not fit beside it, it is cut.
        EXPECT_EQ(issues.items("IssueList")[0].rfind("1. Housing", 0), 0u) << issues.items("IssueList")[0];
        EXPECT_NE(issues.items("IssueList")[0].find("(0 of 3 answered), no action yet"), std::string::npos)
            << issues.items("IssueList")[0];
        // No voice recorded yet: the missing voices show.
        EXPECT_NE(issues.label("Summary").find("the child"), std::string::npos) << issues.label("Summary");

        // The adults, each in their own right.
        issues.type("AdultName", "Sarah Green");
        issues.type("Relationship", "Maya's mother");
        EXPECT_TRUE(issues.press("addAdult"));
        ASSERT_EQ(issues.items("AdultList").size(), 1u);
        EXPECT_EQ(issues.items("AdultList")[0], "Sarah Green (Maya's mother)");

        issues.tick("VoiceChild", true);
        issues.press("voiceToggled");
        issues.select("AdultVoices", 0);
        issues.press("adultVoicesChanged");
        EXPECT_EQ(issues.label("Summary").find("the child,"), std::string::npos) << issues.label("Summary");

        ask(questions, aa::QuestionKey::of(aa::Topic::Safety));
        questions.type("Answer", "Maya is safe now: her mother keeps her fed, warm and at home at night.");
        ask(questions, aa::QuestionKey::of(aa::IssuePart::Origins));
        questions.type("Answer", "The landlord sold the flat, so the family moved in a hurry.");
        ask(questions, aa::QuestionKey::of(aa::IssuePart::ImpactOnChild));
        EXPECT_EQ(questions.text("Answer"), "");
        questions.type("Answer", "Maya shares a bed with her brother and is tired at school.");
        ask(questions, aa::QuestionKey::of(aa::ListKind::WhatNeedsToHappen));
        EXPECT_NE(questions.label("Context").find("whole analysis"), std::string::npos);
        addItem(questions, "A move to a two-bedroom home");
        addItem(questions, "Help with the rent arrears");
        ASSERT_EQ(questions.items("Items").size(), 2u);
        // Back to the first answer: the panel kept it, and marks the question answered.
        ask(questions, aa::QuestionKey::of(aa::IssuePart::Origins));
        EXPECT_EQ(questions.text("Answer"), "The landlord sold the flat, so the family moved in a hurry.");
        EXPECT_EQ(
            questions.items("QuestionList")[static_cast<std::size_t>(questionIndex(aa::IssuePart::Origins))].rfind(
                "\xE2\x9C\x93", 0),
            0u);

        EXPECT_TRUE(questions.press("insert"));
        EXPECT_NE(questions.label("Status").find("inserted"), std::string::npos) << questions.label("Status");
        EXPECT_FALSE(questions.enabled("Insert"));
        EXPECT_TRUE(questions.enabled("Update"));
    });
    const aa::Analysis a = model(doc);
    ASSERT_EQ(a.issues.size(), 1u);
    EXPECT_EQ(a.issues[0].title, "Housing is overcrowded");
    EXPECT_EQ(a.issues[0].raisedBy, (std::vector<aa::Voice>{ aa::Voice::Child }));
    ASSERT_EQ(a.adults.size(), 1u);
    EXPECT_EQ(a.issues[0].raisedByAdults, std::vector<std::string>{ a.adults[0].id });
    EXPECT_EQ(a.topic(aa::Topic::Safety), "Maya is safe now: her mother keeps her fed, warm and at home at night.");
    EXPECT_EQ(a.issues[0].part(aa::IssuePart::Origins), "The landlord sold the flat, so the family moved in a hurry.");
    EXPECT_EQ(a.issues[0].part(aa::IssuePart::ImpactOnChild),
              "Maya shares a bed with her brother and is tired at school.");
    ASSERT_EQ(a.list(aa::ListKind::WhatNeedsToHappen).size(), 2u);
    // Items are tied to nothing until the person chooses (issue 14, item 2).
    EXPECT_TRUE(a.list(aa::ListKind::WhatNeedsToHappen)[1].issues.empty());
    ASSERT_EQ(a.plan.size(), 2u);
    EXPECT_TRUE(a.plan[0].issues.empty());
    // The analysis went where the cursor was: after the existing text.
    EXPECT_EQ(bodyParagraphs(doc).front().text, "Before the analysis.");
}

// Issue 14, item 2: a person sees and chooses what each item is tied to; choosing two issues
// links both in the plan.
TEST(Sidebar, ItemsAreTiedOnlyToWhatThePersonChooses)
{
    auto doc = documentWith({ "Before the analysis." });
    Closer closer(doc);
    placeCursor(doc, 0, 20);
    AA_UNO({
        Panel issues(doc, "IssuesPanel");
        Panel questions(doc, "QuestionsPanel");
        for (const char* title : { "Mum's low mood and drinking", "Mia's school attendance" })
        {
            issues.type("Title", title);
            issues.press("addIssue");
        }
        // Selecting an issue in the Key issues panel ties nothing.
        issues.select("IssueList", 0);
        issues.press("issueSelected");
        ask(questions, aa::QuestionKey::of(aa::ListKind::Strengths));
        addItem(questions, "Mia enjoys art club");
        EXPECT_NE(questions.items("Items")[0].find("tied to nothing yet"), std::string::npos)
            << questions.items("Items")[0];
        ask(questions, aa::QuestionKey::of(aa::ListKind::WhatNeedsToHappen));
        addItem(questions, "Mum sees her GP about her low mood and drinking");
        tie(questions, { "Mum's low mood", "school attendance" });
        EXPECT_EQ(questions.selectedAll("Ties").size(), 2u) << "both issues show as chosen";
        // In a sidebar dragged wide, the item's row says it all.
        questions.resize(1000);
        EXPECT_NE(questions.items("Items")[0].find("tied to: Mum's low mood and drinking; Mia's school attendance"),
                  std::string::npos)
            << questions.items("Items")[0];
        // A must, with what happens if it does not.
        questions.tick("Must", true);
        questions.type("IfNot", "we will meet within a week to agree what else must change.");
        questions.press("mustToggled");
        ask(questions, aa::QuestionKey::of(aa::ListKind::SuccessSigns));
        addItem(questions, "Mum tells the review meeting she has seen her GP, and the GP confirms it.");
        tie(questions, { "Shows that this is working: Mum sees her GP" });
        EXPECT_TRUE(questions.press("insert"));
    });
    const aa::Analysis a = model(doc);
    ASSERT_EQ(a.list(aa::ListKind::Strengths).size(), 1u);
    EXPECT_TRUE(a.list(aa::ListKind::Strengths)[0].issues.empty());
    const aa::Item& need = a.list(aa::ListKind::WhatNeedsToHappen).at(0);
    EXPECT_EQ(need.issues, (std::vector<std::string>{ a.issues[0].id, a.issues[1].id }));
    EXPECT_TRUE(need.must);
    EXPECT_EQ(need.ifNot, "we will meet within a week to agree what else must change.");
    ASSERT_EQ(a.plan.size(), 1u);
    EXPECT_EQ(a.plan[0].issues, (std::vector<std::string>{ a.issues[0].id, a.issues[1].id }));
    EXPECT_TRUE(a.plan[0].must);
    EXPECT_EQ(a.plan[0].cell(aa::PlanColumn::Outcome),
              "Mum tells the review meeting she has seen her GP, and the GP confirms it.");
    const auto cells = planCells(doc);
    ASSERT_EQ(cells.size(), 2u);
    EXPECT_NE(cells[1][0].find("Mum's low mood and drinking"), std::string::npos) << cells[1][0];
    EXPECT_NE(cells[1][0].find("Mia's school attendance"), std::string::npos) << cells[1][0];
    EXPECT_EQ(cells[1][2].rfind("Must happen: ", 0), 0u) << cells[1][2];
}

// Regression (issue 14, item 1): the deck's Insert left the plan rows without their AA_plan_
// bookmarks, so Update action plan added every "what would help" item a second time.
TEST(Sidebar, UpdateActionPlanAfterInsertFromTheDeckAddsNoRowAndKeepsTypedCells)
{
    auto doc = documentWith({ "Before the analysis." });
    Closer closer(doc);
    placeCursor(doc, 0, 20);
    AA_UNO({
        Panel issues(doc, "IssuesPanel");
        Panel questions(doc, "QuestionsPanel");
        issues.type("Title", "Mum's low mood and drinking");
        ASSERT_TRUE(issues.press("addIssue"));
        ask(questions, aa::QuestionKey::of(aa::IssuePart::Origins));
        questions.type("Answer", "Mum's drinking began after her mother died last spring.");
        ask(questions, aa::QuestionKey::of(aa::ListKind::WhatNeedsToHappen));
        addItem(questions, "Mum sees her GP about her low mood");
        addItem(questions, "A place at the breakfast club for Mia");
        ASSERT_TRUE(questions.press("insert"));
        ASSERT_NE(questions.label("Status").find("inserted"), std::string::npos) << questions.label("Status");

        const auto inserted = planCells(doc);
        ASSERT_EQ(inserted.size(), 3u) << "a header and one row per item";
        std::size_t planMarks = 0;
        for (const std::string& name : bookmarkNames(doc))
            planMarks += name.rfind("AA_plan_", 0) == 0;
        EXPECT_EQ(planMarks, 2u) << "each row is tied to its item";

        ASSERT_TRUE(questions.press("updatePlan"));
        EXPECT_EQ(planCells(doc), inserted) << "the first Update action plan adds nothing";
        ASSERT_TRUE(questions.press("updatePlan"));
        EXPECT_EQ(planCells(doc), inserted) << "nor does the second";

        // The worker fills in who is responsible for the first row, in the document.
        auto xTable = planTable(doc);
        uno::Reference<table::XCellRange> xRange(xTable, uno::UNO_QUERY_THROW);
        uno::Reference<text::XText>(xRange->getCellByPosition(static_cast<sal_Int32>(aa::PlanColumn::Who), 1),
                                    uno::UNO_QUERY_THROW)
            ->setString("Ms Patel, family support worker");
        ASSERT_TRUE(questions.press("updatePlan"));
        const auto after = planCells(doc);
        ASSERT_EQ(after.size(), inserted.size()) << "still one row per item";
        EXPECT_EQ(after[1][static_cast<std::size_t>(aa::PlanColumn::Who)], "Ms Patel, family support worker");
        EXPECT_EQ(after[2], inserted[2]);
    });
}

TEST(Sidebar, PanelFollowsTheCursorIntoAnIssuesPart)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    const aa::Analysis sample = model(doc);
    AA_UNO({
        Panel issues(doc, "IssuesPanel");
        Panel questions(doc, "QuestionsPanel");
        ASSERT_EQ(issues.items("IssueList").size(), sample.issues.size());

        // The second issue's "impact on the child" answer.
        const int para = paragraphIndex(doc, aa::styleName(aa::Role::IssuePartAnswer, 2), 1);
        ASSERT_GE(para, 0);
        placeCursor(doc, para, 3);
        EXPECT_EQ(issues.selected("IssueList"), 1);
        EXPECT_EQ(questions.selected("QuestionList"), questionIndex(aa::IssuePart::ImpactOnChild));
        EXPECT_EQ(questions.text("Answer"), sample.issues[1].part(aa::IssuePart::ImpactOnChild));
        EXPECT_NE(questions.label("Context").find(sample.issues[1].title), std::string::npos);
        EXPECT_NE(questions.label("Guidance").find("Standard 5"), std::string::npos);

        // A further question's answer: the whole-analysis question is selected.
        const int risk = paragraphIndex(
            doc, aa::styleName(aa::Role::TopicAnswer, static_cast<std::size_t>(aa::Topic::RiskAndProtectiveBalance)));
        ASSERT_GE(risk, 0);
        placeCursor(doc, risk, 0);
        EXPECT_EQ(questions.selected("QuestionList"), questionIndex(aa::Topic::RiskAndProtectiveBalance));
        EXPECT_EQ(questions.text("Answer"), sample.topic(aa::Topic::RiskAndProtectiveBalance));

        // An adult's answer: the adult is selected.
        const int motivation = paragraphIndex(
            doc, aa::styleName(aa::Role::AdultAnswer, static_cast<std::size_t>(aa::AdultPart::Motivation)), 1);
        ASSERT_GE(motivation, 0);
        placeCursor(doc, motivation, 0);
        EXPECT_EQ(issues.selected("AdultList"), 1);
        EXPECT_EQ(questions.selected("QuestionList"), questionIndex(aa::AdultPart::Motivation));
        EXPECT_EQ(questions.text("Answer"), sample.adults[1].part(aa::AdultPart::Motivation));

        // The question label of the fourth issue's origins.
        const int label = paragraphWithText(doc, aa::questionLabel(aa::QuestionKey::of(aa::IssuePart::Origins)), 3);
        ASSERT_GE(label, 0);
        placeCursor(doc, label, 0);
        EXPECT_EQ(issues.selected("IssueList"), 3);
        EXPECT_EQ(questions.selected("QuestionList"), questionIndex(aa::IssuePart::Origins));

        // Go to: the cursor jumps to the selected question's answer in the document.
        questions.select("QuestionList", questionIndex(aa::IssuePart::MaintainingFactors));
        questions.press("questionSelected");
        placeCursor(doc, 0, 0);
        EXPECT_TRUE(questions.press("goTo"));
        EXPECT_EQ(viewCursorParagraph(doc),
                  aa::splitParagraphs(sample.issues[3].part(aa::IssuePart::MaintainingFactors)).front());
    });
}

TEST(Sidebar, UpdateAfterAHandEditKeepsBothAndIsOneUndoStep)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    const aa::Analysis sample = model(doc);
    AA_UNO({
        Panel issues(doc, "IssuesPanel");
        Panel questions(doc, "QuestionsPanel");
        // The practitioner edits the first issue's origins in the document.
        const int para = paragraphIndex(doc, aa::styleName(aa::Role::IssuePartAnswer, 0), 0);
        ASSERT_GE(para, 0);
        auto xCursor = doc->getText()->createTextCursor();
        uno::Reference<text::XParagraphCursor> xPara(xCursor, uno::UNO_QUERY_THROW);
        for (int i = 0; i < para; ++i)
            xPara->gotoNextParagraph(false);
        xPara->gotoEndOfParagraph(true);
        xCursor->setString("Edited in the document by hand.");
        // The panel shows it once the cursor is in it.
        placeCursor(doc, para, 2);
        EXPECT_EQ(questions.selected("QuestionList"), questionIndex(aa::IssuePart::Origins));
        EXPECT_EQ(questions.text("Answer"), "Edited in the document by hand.");

        // Then answers another question in the panel and presses Update.
        questions.select("QuestionList", questionIndex(aa::IssuePart::MaintainingFactors));
        questions.press("questionSelected");
        questions.type("Answer", "Typed in the panel.\nA second paragraph.");
        EXPECT_TRUE(questions.press("update"));
        EXPECT_NE(questions.label("Status").find("updated"), std::string::npos) << questions.label("Status");
    });
    aa::Analysis a = model(doc);
    EXPECT_EQ(a.issues[0].part(aa::IssuePart::Origins), "Edited in the document by hand.");
    EXPECT_EQ(a.issues[0].part(aa::IssuePart::MaintainingFactors), "Typed in the panel.\nA second paragraph.");
    EXPECT_EQ(a.issues[1], sample.issues[1]);
    // One undo takes back the panel's update, and only it.
    uno::Reference<document::XUndoManagerSupplier>(doc, uno::UNO_QUERY_THROW)->getUndoManager()->undo();
    a = model(doc);
    EXPECT_EQ(a.issues[0].part(aa::IssuePart::MaintainingFactors),
              sample.issues[0].part(aa::IssuePart::MaintainingFactors));
    EXPECT_EQ(a.issues[0].part(aa::IssuePart::Origins), "Edited in the document by hand.");
}

TEST(Sidebar, PanelUpdateNeverOverwritesWordsTypedInTheDocumentMeanwhile)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    const aa::Analysis sample = model(doc);
    AA_UNO({
        Panel questions(doc, "QuestionsPanel");
        // The panel shows the first issue's origins; the practitioner then types in the
        // document (the cursor never enters the panel's question) ...
        const int para = paragraphIndex(doc, aa::styleName(aa::Role::IssuePartAnswer, 0), 0);
        auto xCursor = doc->getText()->createTextCursor();
        uno::Reference<text::XParagraphCursor> xPara(xCursor, uno::UNO_QUERY_THROW);
        for (int i = 0; i < para; ++i)
            xPara->gotoNextParagraph(false);
        xPara->gotoEndOfParagraph(false);
        xCursor->setString(" Added in the document.");
        // ... and also changes the same answer in the panel, and presses Update.
        questions.select("QuestionList", questionIndex(aa::IssuePart::Origins));
        questions.press("questionSelected");
        questions.type("Answer", "Typed in the panel instead.");
        EXPECT_TRUE(questions.press("update"));
        EXPECT_NE(questions.label("Status").find("both in the document and in the panel"), std::string::npos)
            << questions.label("Status");
    });
    const aa::Analysis a = model(doc);
    const std::string origins = a.issues[0].part(aa::IssuePart::Origins);
    EXPECT_NE(origins.find("Added in the document."), std::string::npos) << origins;
    EXPECT_NE(origins.find("Typed in the panel instead."), std::string::npos) << origins;
    EXPECT_EQ(a.issues[1], sample.issues[1]);
}

TEST(Sidebar, AnotherDocumentLoadedIntoTheFrameIsFollowed)
{
    // A report with the sample analysis, saved; then an empty document whose frame gets it.
    auto report = documentWithSample();
    const std::string url = aa::client::fileUrl(workDir() + "/sidebar-switch.odt");
    aa::client::Office::storeTo(report, url, "writer8");
    aa::client::Office::close(report);
    auto empty = documentWith({ "An empty note." });
    uno::Reference<text::XTextDocument> loaded;
    AA_UNO({
        Panel issues(empty, "IssuesPanel");
        Panel questions(empty, "QuestionsPanel");
        issues.type("Title", "Typed for the empty note");
        issues.press("addIssue");
        ASSERT_EQ(issues.items("IssueList").size(), 1u);
        auto xFrame = uno::Reference<frame::XModel>(empty, uno::UNO_QUERY_THROW)->getCurrentController()->getFrame();
        uno::Sequence<beans::PropertyValue> aProps(1);
        aProps[0].Name = "Hidden";
        aProps[0].Value <<= true;
        loaded.set(uno::Reference<frame::XComponentLoader>(xFrame, uno::UNO_QUERY_THROW)
                       ->loadComponentFromURL(aa::glue::fromUtf8(url), "_self", 0, aProps),
                   uno::UNO_QUERY_THROW);
        // The panels now show the loaded report, not the empty note's draft.
        EXPECT_EQ(issues.items("IssueList").size(), 4u);
        EXPECT_TRUE(questions.enabled("Update"));
        questions.select("QuestionList", questionIndex(aa::Topic::Patterns));
        questions.press("questionSelected");
        questions.type("Answer", "A pattern typed after the switch.");
        EXPECT_TRUE(questions.press("update"));
    });
    ASSERT_TRUE(loaded.is());
    Closer closer(loaded);
    const aa::Analysis a = model(loaded);
    EXPECT_EQ(a.issues.size(), 4u);
    EXPECT_EQ(a.topic(aa::Topic::Patterns), "A pattern typed after the switch.");
    for (const aa::Issue& issue : a.issues)
        EXPECT_NE(issue.title, "Typed for the empty note");
}

TEST(Sidebar, RenameMoveAndVoicesChangeTheDocument)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    const aa::Analysis sample = model(doc);
    AA_UNO({
        Panel issues(doc, "IssuesPanel");
        issues.select("IssueList", 0);
        issues.press("issueSelected");
        EXPECT_EQ(issues.text("Title"), sample.issues[0].title);
        EXPECT_FALSE(issues.enabled("Up"));
        issues.type("Title", "Housing: overcrowded and insecure");
        EXPECT_TRUE(issues.press("renameIssue"));
        issues.tick("VoiceChild", true);
        issues.press("voiceToggled");
        EXPECT_TRUE(issues.press("moveDown"));
        EXPECT_EQ(issues.selected("IssueList"), 1);
        EXPECT_TRUE(issues.enabled("Up"));
    });
    const aa::Analysis a = model(doc);
    ASSERT_EQ(a.issues.size(), sample.issues.size());
    EXPECT_EQ(a.issues[0].id, sample.issues[1].id);
    EXPECT_EQ(a.issues[1].id, sample.issues[0].id);
    EXPECT_EQ(a.issues[1].title, "Housing: overcrowded and insecure");
    EXPECT_EQ(a.issues[1].parts, sample.issues[0].parts);
    EXPECT_NE(std::find(a.issues[1].raisedBy.begin(), a.issues[1].raisedBy.end(), aa::Voice::Child),
              a.issues[1].raisedBy.end());
    // The plan's links still name the moved issue, with its new title.
    std::string plan;
    for (const auto& row : planCells(doc))
        plan += row.front() + "\n";
    EXPECT_NE(plan.find("Housing: overcrowded and insecure"), std::string::npos) << plan;
    EXPECT_EQ(a.plan, sample.plan);
}

TEST(Sidebar, RemoveNeedsConfirmationAndTheCommandRemovesOneIssue)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    const aa::Analysis sample = model(doc);
    const std::string before = bodyText(doc);
    AA_UNO({
        Panel issues(doc, "IssuesPanel");
        issues.select("IssueList", 2);
        issues.press("issueSelected");
        // Headless Writer cancels the confirmation box: nothing may change.
        EXPECT_TRUE(issues.press("removeIssue"));
    });
    EXPECT_EQ(bodyText(doc), before) << firstDifference(bodyText(doc), before);
    // The command the panel runs once confirmed.
    AA_UNO(office().call("removeIssue", doc, {}, 0, { { "Issue", sample.issues[2].id } }));
    const aa::Analysis a = model(doc);
    ASSERT_EQ(a.issues.size(), sample.issues.size() - 1);
    for (const aa::Issue& issue : a.issues)
        EXPECT_NE(issue.id, sample.issues[2].id);
    EXPECT_EQ(a.issues[2], sample.issues[3]);
    uno::Reference<document::XUndoManagerSupplier>(doc, uno::UNO_QUERY_THROW)->getUndoManager()->undo();
    // Undo brings the words and the bookmark back; cross-references show the title again once
    // fields are updated (Tools > Update > Fields), as after any undo in Writer.
    uno::Reference<util::XRefreshable>(
        uno::Reference<text::XTextFieldsSupplier>(doc, uno::UNO_QUERY_THROW)->getTextFields(), uno::UNO_QUERY_THROW)
        ->refresh();
    EXPECT_EQ(bodyText(doc), before) << firstDifference(bodyText(doc), before);
}

TEST(Sidebar, ReadOnlyDocumentShowsWhyAndChangesNothing)
{
    auto original = documentWithSample();
    const std::string url = aa::client::fileUrl(workDir() + "/sidebar-readonly.odt");
    aa::client::Office::storeTo(original, url, "writer8");
    aa::client::Office::close(original);
    uno::Reference<text::XTextDocument> doc(office().load(url, true), uno::UNO_QUERY_THROW);
    Closer closer(doc);
    const std::string before = bodyText(doc);
    AA_UNO({
        Panel issues(doc, "IssuesPanel");
        Panel questions(doc, "QuestionsPanel");
        EXPECT_NE(issues.label("Summary").find("read-only"), std::string::npos) << issues.label("Summary");
        questions.type("Answer", "Cannot go in");
        EXPECT_TRUE(questions.press("update"));
        EXPECT_NE(questions.label("Status").find("read-only"), std::string::npos) << questions.label("Status");
        issues.type("Title", "New issue");
        EXPECT_TRUE(issues.press("addIssue"));
        EXPECT_NE(questions.label("Status").find("read-only"), std::string::npos) << questions.label("Status");
        EXPECT_TRUE(questions.press("updatePlan"));
        EXPECT_NE(questions.label("Status").find("read-only"), std::string::npos) << questions.label("Status");
    });
    EXPECT_EQ(bodyText(doc), before);
}

TEST(Sidebar, ProtectedAnalysisShowsWhyAndChangesNothing)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    // Protect the whole analysis: a section around everything.
    auto xCursor = doc->getText()->createTextCursor();
    xCursor->gotoStart(false);
    xCursor->gotoEnd(true);
    protectRange(doc, uno::Reference<text::XTextRange>(xCursor, uno::UNO_QUERY_THROW));
    const std::string before = bodyText(doc);
    AA_UNO({
        Panel questions(doc, "QuestionsPanel");
        ask(questions, aa::QuestionKey::of(aa::ListKind::Strengths));
        addItem(questions, "A new strength");
        EXPECT_NE(questions.label("Status").find("protected"), std::string::npos) << questions.label("Status");
        ask(questions, aa::QuestionKey::of(aa::Topic::Patterns));
        questions.type("Answer", "A new pattern");
        EXPECT_TRUE(questions.press("update"));
        EXPECT_NE(questions.label("Status").find("protected"), std::string::npos) << questions.label("Status");
    });
    EXPECT_EQ(bodyText(doc), before);
}

TEST(Sidebar, ReviewPanelGroupsFindingsAndGoesToThem)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    // Leave one issue's question empty, and one answer that only describes.
    aa::Analysis desired = model(doc);
    desired.issues[2].part(aa::IssuePart::MaintainingFactors).clear();
    desired.issues[3].part(aa::IssuePart::Origins) = "Mr Okafor moved out in 2024. He lives in Leeds.";
    AA_UNO(office().call("update", doc, aa::toJson(desired)));
    AA_UNO({
        Panel review(doc, "ReviewPanel");
        EXPECT_FALSE(review.enabled("AddComments"));
        EXPECT_TRUE(review.press("runReview"));
        const auto rows = review.items("Findings");
        ASSERT_GE(rows.size(), 4u);
        EXPECT_NE(review.label("Counts").find("certain findings"), std::string::npos) << review.label("Counts");
        // Certain findings first, then the questions; group headings less indented than findings.
        EXPECT_EQ(rows[0], "Certain findings");
        std::size_t judgements = rows.size();
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].rfind("Questions about the writing", 0) == 0)
                judgements = i;
        ASSERT_LT(judgements, rows.size()) << "the description-only answer raises a question";
        int findingRow = -1;
        for (std::size_t i = 1; i < judgements; ++i)
            if (rows[i].rfind("    ", 0) == 0 && findingRow < 0 && rows[i - 1].rfind("  Key issue: ", 0) == 0)
                findingRow = static_cast<int>(i);
        ASSERT_GE(findingRow, 0) << "no finding under an issue";
        placeCursor(doc, 0, 0);
        review.select("Findings", findingRow);
        EXPECT_TRUE(review.press("findingSelected"));
        // The detail shows the whole finding.
        EXPECT_NE(review.text("Detail").find("does not say what keeps it going"), std::string::npos)
            << review.text("Detail");
        EXPECT_FALSE(review.enabled("Dismiss")) << "a certain finding cannot be dismissed";
        // The cursor went to the issue's paragraph, inside the analysis.
        EXPECT_NE(viewCursorParagraph(doc), "Report introduction.");
        EXPECT_TRUE(review.enabled("AddComments"));
        EXPECT_TRUE(review.press("addComments"));
        EXPECT_TRUE(review.press("addComments"));
    });
    // Twice "Add as comments": each finding has one comment.
    std::multiset<std::string> contents;
    for (const Comment& comment : comments(doc))
        contents.insert(comment.content);
    ASSERT_FALSE(contents.empty());
    for (const std::string& c : contents)
        EXPECT_EQ(contents.count(c), 1u) << c;
}

TEST(Sidebar, EveryControlHasAnAccessibleNameTabOrderAndMnemonics)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    for (const char* name : { "IssuesPanel", "QuestionsPanel", "ReviewPanel" })
    {
        SCOPED_TRACE(name);
        AA_UNO({
            Panel panel(doc, name);
            EXPECT_GT(panel.sidebarPanel()->getHeightForWidth(300).Preferred, 100);
            std::set<sal_Int16> tabIndexes;
            std::set<char> mnemonics;
            for (const auto& xControl : panel.controls()->getControls())
            {
                uno::Reference<beans::XPropertySet> xModel(xControl->getModel(), uno::UNO_QUERY_THROW);
                OUString aName;
                xModel->getPropertyValue("Name") >>= aName;
                const std::string id = toUtf8(aName);
                sal_Int16 nTab = -1;
                xModel->getPropertyValue("TabIndex") >>= nTab;
                EXPECT_TRUE(tabIndexes.insert(nTab).second) << id << " repeats tab index " << nTab;
                uno::Reference<accessibility::XAccessible> xAccessible(xControl->getPeer(), uno::UNO_QUERY);
                ASSERT_TRUE(xAccessible.is()) << id;
                auto xContext = xAccessible->getAccessibleContext();
                const std::string accessibleName = toUtf8(xContext->getAccessibleName());
                const std::string description = toUtf8(xContext->getAccessibleDescription());
                const bool isLabel = xModel->getPropertySetInfo()->hasPropertyByName("MultiLine")
                                     && !xModel->getPropertySetInfo()->hasPropertyByName("Text")
                                     && !xModel->getPropertySetInfo()->hasPropertyByName("State")
                                     && !xModel->getPropertySetInfo()->hasPropertyByName("PushButtonType");
                if (!isLabel)
                {
                    EXPECT_FALSE(accessibleName.empty() && description.empty()) << id << " has no accessible name";
                }
                // Buttons and check boxes have a mnemonic of their own.
                if (xModel->getPropertySetInfo()->hasPropertyByName("State")
                    || xModel->getPropertySetInfo()->hasPropertyByName("PushButtonType"))
                {
                    OUString aLabel;
                    xModel->getPropertyValue("Label") >>= aLabel;
                    const std::string labelText = toUtf8(aLabel);
                    const auto tilde = labelText.find('~');
                    ASSERT_NE(tilde, std::string::npos) << id << " has no mnemonic: " << labelText;
                    const char key = static_cast<char>(std::tolower(static_cast<unsigned char>(labelText[tilde + 1])));
                    EXPECT_TRUE(mnemonics.insert(key).second) << id << " repeats the mnemonic " << key;
                }
            }
            EXPECT_GE(tabIndexes.size(), 6u);
        });
    }
}

TEST(Sidebar, DeckPanelsFactoryAndShortcutAreRegistered)
{
    const auto access = [](const char* path) { return configAccess(path); };
    AA_UNO({
        auto xDecks = access("/org.openoffice.Office.UI.Sidebar/Content/DeckList");
        ASSERT_TRUE(xDecks->hasByName("AssessmentAnalysisDeck"));
        uno::Reference<container::XNameAccess> xDeck(xDecks->getByName("AssessmentAnalysisDeck"), uno::UNO_QUERY_THROW);
        OUString aTitle, aIcon;
        xDeck->getByName("Title") >>= aTitle;
        xDeck->getByName("IconURL") >>= aIcon;
        EXPECT_EQ(aTitle, "Analysis");
        EXPECT_TRUE(aIcon.endsWith("/icons/deck.png")) << toUtf8(aIcon);
        auto xPanels = access("/org.openoffice.Office.UI.Sidebar/Content/PanelList");
        for (const char* panel : { "IssuesPanel", "QuestionsPanel", "ReviewPanel" })
        {
            const OUString aId = "AssessmentAnalysis" + OUString::createFromAscii(panel);
            ASSERT_TRUE(xPanels->hasByName(aId)) << panel;
            uno::Reference<container::XNameAccess> xPanel(xPanels->getByName(aId), uno::UNO_QUERY_THROW);
            OUString aUrl, aDeckId;
            xPanel->getByName("ImplementationURL") >>= aUrl;
            xPanel->getByName("DeckId") >>= aDeckId;
            EXPECT_EQ(aUrl, "private:resource/toolpanel/AssessmentAnalysisFactory/" + OUString::createFromAscii(panel));
            EXPECT_EQ(aDeckId, "AssessmentAnalysisDeck");
        }
        auto xFactories = access("/org.openoffice.Office.UI.Factories/Registered/UIElementFactories");
        ASSERT_TRUE(xFactories->hasByName("AssessmentAnalysisFactory"));
        uno::Reference<container::XNameAccess> xFactory(xFactories->getByName("AssessmentAnalysisFactory"),
                                                        uno::UNO_QUERY_THROW);
        OUString aImpl;
        xFactory->getByName("FactoryImplementation") >>= aImpl;
        EXPECT_EQ(aImpl, "org.assessmentanalysis.PanelFactory");
        auto xKeys = access("/org.openoffice.Office.Accelerators/PrimaryKeys/Modules/com.sun.star.text.TextDocument");
        ASSERT_TRUE(xKeys->hasByName("D_SHIFT_MOD1_MOD2"));
        uno::Reference<container::XNameAccess> xKey(xKeys->getByName("D_SHIFT_MOD1_MOD2"), uno::UNO_QUERY_THROW);
        OUString aCommand;
        xKey->getByName("Command") >>= aCommand;
        EXPECT_EQ(aCommand, ".uno:SidebarDeck.AssessmentAnalysisDeck");
        // Each panel's title-bar button opens the help page inside the extension at its section.
        for (const auto& [panel, page] : std::vector<std::pair<const char*, const char*>>{
                 { "IssuesPanel", "deck" }, { "QuestionsPanel", "questions" }, { "ReviewPanel", "review" } })
        {
            uno::Reference<container::XNameAccess> xPanel(
                xPanels->getByName("AssessmentAnalysis" + OUString::createFromAscii(panel)), uno::UNO_QUERY_THROW);
            OUString aCommand2;
            xPanel->getByName("DefaultMenuCommand") >>= aCommand2;
            EXPECT_EQ(aCommand2, "service:org.assessmentanalysis.Analysis?help." + OUString::createFromAscii(page));
            auto doc = documentWith({ "x" });
            Closer closer(doc);
            const std::string json = office().call("helpUrl", doc, {}, 0, { { "Page", page } });
            const std::string prefix = "{\"url\":\"file://";
            ASSERT_EQ(json.rfind(prefix, 0), 0u) << json;
            const std::string url = json.substr(prefix.size(), json.size() - prefix.size() - 2);
            const std::string file = url.substr(0, url.find('#'));
            EXPECT_EQ(url.substr(url.find('#') + 1), page);
            const std::string html = readFile(file);
            EXPECT_NE(html.find(std::string("<section id=\"") + page + "\">"), std::string::npos) << file;
        }
        // For those who never open the sidebar: a toolbar with Insert analysis and the deck.
        auto xToolbars = access("/org.openoffice.Office.Addons/AddonUI/OfficeToolBar");
        ASSERT_TRUE(xToolbars->hasByName("org.assessmentanalysis.extension"));
        uno::Reference<container::XNameAccess> xToolbar(xToolbars->getByName("org.assessmentanalysis.extension"),
                                                        uno::UNO_QUERY_THROW);
        uno::Reference<container::XNameAccess> xButton(xToolbar->getByName("T1"), uno::UNO_QUERY_THROW);
        OUString aUrl;
        xButton->getByName("URL") >>= aUrl;
        EXPECT_EQ(aUrl, "service:org.assessmentanalysis.Analysis?insertSkeleton");
    });
}

TEST(Sidebar, BadPanelNamesAndMissingArgumentsAreRefusedCleanly)
{
    auto xContext = office().context();
    uno::Reference<ui::XUIElementFactory> xFactory(
        xContext->getServiceManager()->createInstanceWithContext("org.assessmentanalysis.PanelFactory", xContext),
        uno::UNO_QUERY_THROW);
    EXPECT_THROW(xFactory->createUIElement("private:resource/toolpanel/AssessmentAnalysisFactory/IssuesPanel", {}),
                 lang::IllegalArgumentException);
    auto doc = documentWith({ "x" });
    Closer closer(doc);
    const std::string before = bodyText(doc);
    uno::Reference<frame::XModel> xModel(doc, uno::UNO_QUERY_THROW);
    auto xFrame = xModel->getCurrentController()->getFrame();
    uno::Sequence<beans::PropertyValue> aArgs(2);
    aArgs[0].Name = "Frame";
    aArgs[0].Value <<= xFrame;
    aArgs[1].Name = "ParentWindow";
    aArgs[1].Value <<= xFrame->getContainerWindow();
    EXPECT_THROW(xFactory->createUIElement("private:resource/toolpanel/AssessmentAnalysisFactory/NoSuchPanel", aArgs),
                 lang::IllegalArgumentException);
    // An unknown handler method is not handled, and nothing breaks.
    AA_UNO({
        Panel panel(doc, "IssuesPanel");
        EXPECT_FALSE(panel.press("noSuchMethod"));
        EXPECT_TRUE(panel.press("moveUp")); // nothing selected: a message, no change
    });
    EXPECT_EQ(bodyText(doc), before);
}

namespace
{
std::string controlName(const uno::Reference<awt::XControl>& xControl)
{
    OUString aName;
    uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW)->getPropertyValue("Name") >>= aName;
    return toUtf8(aName);
}

bool hasProperty(const uno::Reference<awt::XControl>& xControl, const char* name)
{
    return uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW)
        ->getPropertySetInfo()
        ->hasPropertyByName(OUString::createFromAscii(name));
}

/// Checks every shown control of the panel at this width: inside the panel, overlapping no
/// other, a label or check box tall enough for its text as the toolkit wraps it, a button
/// wide enough for its label, and every list row no wider than its list (no sideways scrolling).
void expectEverythingFits(Panel& panel, int width)
{
    SCOPED_TRACE("width " + std::to_string(width));
    panel.resize(width);
    const awt::Rectangle size = panel.window()->getPosSize();
    ASSERT_EQ(size.Width, width);
    std::vector<std::pair<std::string, awt::Rectangle>> shown;
    for (const auto& xControl : panel.controls()->getControls())
    {
        const std::string id = controlName(xControl);
        uno::Reference<awt::XWindow2> xWindow(xControl, uno::UNO_QUERY_THROW);
        if (!xWindow->isVisible())
            continue;
        const awt::Rectangle r = xWindow->getPosSize();
        EXPECT_GE(r.X, 0) << id;
        EXPECT_LE(r.X + r.Width, width) << id << " goes past the panel's right edge";
        EXPECT_LE(r.Y + r.Height, size.Height) << id << " goes past the panel's bottom";
        uno::Reference<awt::XDevice> xDevice(xControl->getPeer(), uno::UNO_QUERY_THROW);
        auto xFont = xDevice->getFont(awt::FontDescriptor());
        const bool isButton = hasProperty(xControl, "PushButtonType");
        const bool isCheck = hasProperty(xControl, "State") && !isButton;
        const bool isLabel = hasProperty(xControl, "MultiLine") && !hasProperty(xControl, "Text") && !isCheck
                             && !isButton;
        if (isLabel || isCheck)
        {
            // The toolkit's own word wrap at this width needs no more height than the layout gave.
            uno::Reference<awt::XLayoutConstrains> xLayout(xControl->getPeer(), uno::UNO_QUERY_THROW);
            const awt::Size needed = xLayout->calcAdjustedSize(awt::Size(r.Width, 0));
            EXPECT_LE(needed.Height, r.Height) << id << " is cut: " << panel.label(id.c_str());
        }
        if (isButton)
        {
            std::string text = panel.label(id.c_str());
            text.erase(std::remove(text.begin(), text.end(), '~'), text.end());
            EXPECT_LT(xFont->getStringWidth(fromUtf8(text)) + 8, r.Width) << id << " cuts its label " << text;
        }
        if (hasProperty(xControl, "StringItemList"))
        {
            for (const std::string& row : panel.items(id.c_str()))
                EXPECT_LE(xFont->getStringWidth(fromUtf8(row)), r.Width) << id << " scrolls sideways for " << row;
        }
        if (r.Height > 0)
            shown.emplace_back(id, r);
    }
    for (std::size_t i = 0; i < shown.size(); ++i)
        for (std::size_t j = i + 1; j < shown.size(); ++j)
        {
            const awt::Rectangle& a = shown[i].second;
            const awt::Rectangle& b = shown[j].second;
            const bool overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height
                                 && b.Y < a.Y + a.Height;
            EXPECT_FALSE(overlap) << shown[i].first << " overlaps " << shown[j].first;
        }
}
} // namespace

// Issue 14, item 4: at the narrowest width the panel allows, the default width and a wide
// sidebar, every control is inside the panel, labels wrap instead of being cut, buttons show
// their labels whole and lists never scroll sideways.
TEST(Sidebar, EveryControlFitsThePanelAtNarrowDefaultAndWideWidths)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    AA_UNO({
        Panel issues(doc, "IssuesPanel");
        Panel questions(doc, "QuestionsPanel");
        Panel review(doc, "ReviewPanel");
        review.press("runReview");
        review.select("Findings", 1);
        review.press("findingSelected");
        issues.select("IssueList", 0);
        issues.press("issueSelected");
        for (Panel* panel : { &issues, &questions, &review })
        {
            const int narrowest = panel->sidebarPanel()->getMinimalWidth();
            EXPECT_LE(narrowest, 240) << "the sidebar can be dragged narrow";
            for (int width : { narrowest, 300, 560 })
                expectEverythingFits(*panel, width);
        }
        // The questions panel with a list question: the list controls show, the answer box goes.
        ask(questions, aa::QuestionKey::of(aa::ListKind::WhatNeedsToHappen));
        questions.select("Items", 0);
        questions.press("itemSelected");
        for (int width : { questions.sidebarPanel()->getMinimalWidth(), 300, 560 })
            expectEverythingFits(questions, width);
    });
}

// Issue 14, items 5 and 6: the answer box grows with the panel, a list shows a row per item,
// and a finding is read whole in a detail that grows with it and says which of how many it is.
TEST(Sidebar, TheAnswerBoxGrowsListsShowEveryItemAndAFindingIsReadWhole)
{
    auto doc = documentWithSample();
    Closer closer(doc);
    AA_UNO({
        Panel questions(doc, "QuestionsPanel");
        const auto height = [&](const char* control) {
            uno::Reference<awt::XWindow> xWindow(questions.controls()->getControl(OUString::createFromAscii(control)),
                                                 uno::UNO_QUERY_THROW);
            return xWindow->getPosSize().Height;
        };
        ask(questions, aa::QuestionKey::of(aa::Topic::Safety));
        const auto size = questions.sidebarPanel()->getHeightForWidth(300);
        EXPECT_EQ(size.Maximum, -1) << "the panel takes the height the deck can give";
        questions.window()->setPosSize(0, 0, 300, size.Preferred, 15);
        const int answer = height("Answer");
        questions.window()->setPosSize(0, 0, 300, size.Preferred + 250, 15);
        EXPECT_EQ(height("Answer"), answer + 250) << "the answer box takes the room the panel is given";
        // Every question shows, one row each.
        questions.resize(300);
        const int rows = static_cast<int>(questions.items("QuestionList").size());
        uno::Reference<awt::XTextLayoutConstrains> xList(questions.controls()->getControl("QuestionList")->getPeer(),
                                                         uno::UNO_QUERY_THROW);
        EXPECT_GE(height("QuestionList"), xList->getMinimumSize(0, static_cast<sal_Int16>(rows)).Height);

        Panel review(doc, "ReviewPanel");
        review.press("runReview");
        review.resize(300);
        const auto findingRows = review.items("Findings");
        uno::Reference<awt::XTextLayoutConstrains> xFindings(review.controls()->getControl("Findings")->getPeer(),
                                                             uno::UNO_QUERY_THROW);
        uno::Reference<awt::XWindow> xFindingsWindow(review.controls()->getControl("Findings"), uno::UNO_QUERY_THROW);
        EXPECT_GE(xFindingsWindow->getPosSize().Height,
                  xFindings->getMinimumSize(0, static_cast<sal_Int16>(findingRows.size())).Height)
            << "every finding shows at once";
        int findingRow = -1;
        for (std::size_t i = 0; i < findingRows.size() && findingRow < 0; ++i)
            if (findingRows[i].rfind("    ", 0) == 0)
                findingRow = static_cast<int>(i);
        ASSERT_GE(findingRow, 0);
        review.select("Findings", findingRow);
        review.press("findingSelected");
        review.resize(300);
        const std::string detail = review.text("Detail");
        EXPECT_EQ(detail.rfind("Finding 1 of ", 0), 0u) << detail;
        uno::Reference<awt::XWindow> xDetail(review.controls()->getControl("Detail"), uno::UNO_QUERY_THROW);
        uno::Reference<awt::XTextLayoutConstrains> xDetailText(xDetail, uno::UNO_QUERY);
        uno::Reference<awt::XDevice> xDevice(review.controls()->getControl("Detail")->getPeer(), uno::UNO_QUERY_THROW);
        auto xFont = xDevice->getFont(awt::FontDescriptor());
        // At least as many lines as the text has paragraphs: the detail grows with the finding.
        const int lines = static_cast<int>(std::count(detail.begin(), detail.end(), '\n')) + 1;
        EXPECT_GE(xDetail->getPosSize().Height,
                  lines * (xFont->getFontMetric().Ascent + xFont->getFontMetric().Descent));
    });
}
