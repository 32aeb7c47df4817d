#include "DocumentGuard.hxx"

#include "DocumentStructure.hpp"
#include "Errors.hpp"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/awt/FontSlant.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/document/XDocumentInsertable.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/SequenceInputStream.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/style/XStyle.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextSection.hpp>
#include <com/sun/star/util/XRefreshable.hpp>

using namespace css;
using aa::glue::fromUtf8;

namespace aa::writer
{
namespace
{
[[noreturn]] void refuse(const char* key) { throw aa::InputError(aa::Strings::builtIn().get(key)); }

bool boolProperty(const uno::Reference<beans::XPropertySet>& xProps, const OUString& rName)
{
    bool bValue = false;
    if (xProps.is() && xProps->getPropertySetInfo()->hasPropertyByName(rName))
        xProps->getPropertyValue(rName) >>= bValue;
    return bValue;
}
} // namespace

void checkWritable(const uno::Reference<text::XTextDocument>& xDoc)
{
    uno::Reference<frame::XStorable> xStorable(xDoc, uno::UNO_QUERY);
    if (xStorable.is() && xStorable->isReadonly())
        refuse("error.readOnly");
}

void checkNotProtected(const uno::Reference<text::XTextRange>& xRange)
{
    if (!xRange.is() || !xRange->getText().is())
        throw uno::RuntimeException("checkNotProtected: no text range to check");
    auto xCursor = xRange->getText()->createTextCursorByRange(xRange);
    uno::Reference<beans::XPropertySet> xProps(xCursor, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextSection> xSection(xProps->getPropertyValue("TextSection"), uno::UNO_QUERY);
    for (; xSection.is(); xSection = xSection->getParentSection())
        if (boolProperty(uno::Reference<beans::XPropertySet>(xSection, uno::UNO_QUERY), "IsProtected"))
            refuse("error.protected");
    uno::Reference<beans::XPropertySet> xCell(xProps->getPropertyValue("Cell"), uno::UNO_QUERY);
    if (boolProperty(xCell, "IsProtected"))
        refuse("error.protected");
}

void asOneUndoStep(const uno::Reference<text::XTextDocument>& xDoc, const char* titleKey,
                   const std::function<void()>& change)
{
    auto xUndo = uno::Reference<document::XUndoManagerSupplier>(xDoc, uno::UNO_QUERY_THROW)->getUndoManager();
    uno::Reference<frame::XModel> xModel(xDoc, uno::UNO_QUERY);
    xUndo->enterUndoContext(fromUtf8(aa::Strings::builtIn().get(titleKey)));
    if (xModel.is())
        xModel->lockControllers();
    try
    {
        change();
    }
    catch (...)
    {
        if (xModel.is())
            xModel->unlockControllers();
        xUndo->leaveUndoContext();
        xUndo->undo();
        throw;
    }
    if (xModel.is())
        xModel->unlockControllers();
    xUndo->leaveUndoContext();
}

void ensureStyles(const uno::Reference<text::XTextDocument>& xDoc)
{
    uno::Reference<style::XStyleFamiliesSupplier> xFamilies(xDoc, uno::UNO_QUERY_THROW);
    uno::Reference<container::XNameContainer> xStyles(xFamilies->getStyleFamilies()->getByName("ParagraphStyles"),
                                                      uno::UNO_QUERY_THROW);
    uno::Reference<lang::XMultiServiceFactory> xFactory(xDoc, uno::UNO_QUERY_THROW);
    const std::vector<aa::StyleSpec> specs = aa::styleSpecs();
    std::vector<std::pair<const aa::StyleSpec*, uno::Reference<style::XStyle>>> created;
    for (const aa::StyleSpec& spec : specs)
    {
        const OUString aName = fromUtf8(spec.name);
        if (xStyles->hasByName(aName))
            continue;
        uno::Reference<style::XStyle> xStyle(xFactory->createInstance("com.sun.star.style.ParagraphStyle"),
                                             uno::UNO_QUERY_THROW);
        xStyles->insertByName(aName, uno::Any(xStyle));
        created.emplace_back(&spec, xStyle);
    }
    // Properties are set once all styles exist, so that follow-on styles resolve.
    for (const auto& [pSpec, xStyle] : created)
    {
        const OUString aParent = fromUtf8(pSpec->parent);
        if (xStyles->hasByName(aParent))
            xStyle->setParentStyle(aParent);
        uno::Reference<beans::XPropertySet> xProps(xStyle, uno::UNO_QUERY_THROW);
        xProps->setPropertyValue("FollowStyle", uno::Any(fromUtf8(pSpec->next.empty() ? pSpec->name : pSpec->next)));
        if (pSpec->bold)
            xProps->setPropertyValue("CharWeight", uno::Any(awt::FontWeight::BOLD));
        if (pSpec->italic)
            xProps->setPropertyValue("CharPosture", uno::Any(awt::FontSlant_ITALIC));
        if (pSpec->fontSizePt > 0)
            xProps->setPropertyValue("CharHeight", uno::Any(static_cast<float>(pSpec->fontSizePt)));
        if (pSpec->keepWithNext)
            xProps->setPropertyValue("ParaKeepTogether", uno::Any(true));
        if (pSpec->spaceAboveMm100 >= 0)
            xProps->setPropertyValue("ParaTopMargin", uno::Any(static_cast<sal_Int32>(pSpec->spaceAboveMm100)));
    }
}

void refreshFields(const uno::Reference<text::XTextDocument>& xDoc)
{
    uno::Reference<text::XTextFieldsSupplier> xFields(xDoc, uno::UNO_QUERY);
    if (!xFields.is())
        return;
    uno::Reference<util::XRefreshable> xRefresh(xFields->getTextFields(), uno::UNO_QUERY);
    if (xRefresh.is())
        xRefresh->refresh();
}

void insertPackage(const uno::Reference<uno::XComponentContext>& xContext,
                   const uno::Reference<text::XTextCursor>& xCursor, const std::string& package, bool dropEmptyAfter)
{
    auto xStream = io::SequenceInputStream::createStreamFromSequence(
        xContext, uno::Sequence<sal_Int8>(reinterpret_cast<const sal_Int8*>(package.data()),
                                          static_cast<sal_Int32>(package.size())));
    uno::Sequence<beans::PropertyValue> aProps(2);
    aProps[0].Name = "InputStream";
    aProps[0].Value <<= uno::Reference<io::XInputStream>(xStream, uno::UNO_QUERY_THROW);
    aProps[1].Name = "FilterName";
    aProps[1].Value <<= OUString("writer8");

    // Writer merges the package's last paragraph into the one it is inserted in: give it an
    // empty paragraph of its own, so the practitioner's paragraphs keep their text and style,
    // and one of theirs always follows the analysis.
    const uno::Reference<text::XText> xText = xCursor->getText();
    const uno::Reference<text::XTextRange> xRange(xCursor, uno::UNO_QUERY_THROW);
    uno::Reference<text::XParagraphCursor> xPara(xCursor, uno::UNO_QUERY_THROW);
    // An empty paragraph that is not the last (a template's place, cleared of its prompt) takes
    // the package as it is: its last, empty paragraph stays after the analysis.
    auto xNext = xText->createTextCursorByRange(xCursor->getStart());
    uno::Reference<text::XParagraphCursor> xNextPara(xNext, uno::UNO_QUERY_THROW);
    const bool emptyParagraph = xPara->isStartOfParagraph() && xPara->isEndOfParagraph();
    const bool last = !xNextPara->gotoNextParagraph(false);
    if (!emptyParagraph || last)
    {
        if (!xPara->isStartOfParagraph())
            xText->insertControlCharacter(xRange, text::ControlCharacter::PARAGRAPH_BREAK, false);
        xText->insertControlCharacter(xRange, text::ControlCharacter::PARAGRAPH_BREAK, false);
        xCursor->goLeft(1, false);
        xNext = xText->createTextCursorByRange(xCursor->getStart());
        xNextPara.set(xNext, uno::UNO_QUERY_THROW);
        xNextPara->gotoNextParagraph(false);
    }
    // The empty paragraph left after the analysis is the practitioner's: Writer gives it the
    // style of the analysis's last paragraph, so give it back the style it had.
    OUString aOwnStyle;
    uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)->getPropertyValue("ParaStyleName") >>= aOwnStyle;
    // The paragraph that takes the package: a package that starts with a table leaves it empty
    // before the table. Inside the analysis it must not be a stray paragraph of ours (it was
    // split from one of our answers): it becomes plain body text. Removing it instead is not
    // safe: disposing the paragraph just before a table aborts Writer 7.4 (measured), and joining
    // it to the one before fails inside the import's undo context.
    const uno::Reference<text::XTextContent> xTaking(
        uno::Reference<container::XEnumerationAccess>(xCursor, uno::UNO_QUERY_THROW)
            ->createEnumeration()
            ->nextElement(),
        uno::UNO_QUERY);
    if (dropEmptyAfter)
        uno::Reference<beans::XPropertySet>(xCursor, uno::UNO_QUERY_THROW)
            ->setPropertyValue("ParaStyleName", uno::Any(OUString("Text body")));
    uno::Reference<document::XDocumentInsertable>(xCursor, uno::UNO_QUERY_THROW)
        ->insertDocumentFromURL(OUString(), aProps);
    // Left empty before a table, it keeps with the table, so the heading above it does not end a
    // page alone (the heading keeps with it, it keeps with the table).
    try
    {
        if (xTaking.is() && xTaking->getAnchor()->getString().isEmpty())
            uno::Reference<beans::XPropertySet>(xTaking, uno::UNO_QUERY_THROW)
                ->setPropertyValue("ParaKeepTogether", uno::Any(true));
    }
    catch (const uno::RuntimeException&)
    {
        // merged away into the package's first paragraph: nothing to keep
    }
    if (dropEmptyAfter)
    {
        // The empty paragraph after what went in would be a stray line too: it goes (it follows
        // the table, where disposing is safe).
        if (xNextPara->gotoPreviousParagraph(false) && xNextPara->isEndOfParagraph())
        {
            uno::Reference<lang::XComponent> xAfter(
                uno::Reference<container::XEnumerationAccess>(xNext, uno::UNO_QUERY_THROW)
                    ->createEnumeration()
                    ->nextElement(),
                uno::UNO_QUERY);
            if (xAfter.is() && xAfter != uno::Reference<lang::XComponent>(xTaking, uno::UNO_QUERY))
                xAfter->dispose();
        }
        return;
    }
    if (!xNextPara->gotoPreviousParagraph(false) || !xNextPara->isEndOfParagraph())
        return;
    if (!aOwnStyle.isEmpty())
        uno::Reference<beans::XPropertySet>(xNext, uno::UNO_QUERY_THROW)
            ->setPropertyValue("ParaStyleName", uno::Any(aOwnStyle));
}
} // namespace aa::writer
