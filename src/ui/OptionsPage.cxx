// Tools > Options > LibreOffice Writer > Assessment Analysis: the page (dialogs/Options.xdl)
// is created by the options dialog, which calls this handler with "initialize", "ok" and
// "back" as its external_event.
#include "Catalogue.hpp"
#include "Compose.hpp"
#include "Log.hxx"
#include "Options.hxx"
#include "Strings.hpp"
#include "UnoString.hxx"

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <algorithm>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::options
{
namespace
{
constexpr const char* handlerName = "org.assessmentanalysis.OptionsHandler";

/// The control names of the weighing-up questions' check boxes: "Show" + the JSON name, capitalised.
std::string checkBoxFor(aa::Topic t)
{
    std::string name = aa::jsonName(t);
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return "Show" + name;
}

class OptionsHandler : public cppu::WeakImplHelper2<awt::XContainerWindowEventHandler, lang::XServiceInfo>
{
public:
    explicit OptionsHandler(const uno::Reference<uno::XComponentContext>& xContext) : m_xContext(xContext)
    {
        writer::applyUiLocale(m_xContext);
    }

    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XWindow>& xWindow, const uno::Any& rEvent,
                                        const OUString& rMethod) override
    {
        if (rMethod != "external_event")
            return false;
        OUString aEvent;
        rEvent >>= aEvent;
        if (aEvent != "initialize" && aEvent != "back" && aEvent != "ok")
            return false;
        return writer::logFailures("options page", [&] {
            uno::Reference<awt::XControlContainer> xControls(xWindow, uno::UNO_QUERY_THROW);
            if (aEvent == "initialize")
                labels(xControls);
            if (aEvent == "ok")
                writer::writeOptions(m_xContext, collect(xControls));
            else
                show(xControls, writer::readOptions(m_xContext));
        });
    }

    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        uno::Sequence<OUString> aNames(1);
        aNames[0] = "external_event";
        return aNames;
    }

    OUString SAL_CALL getImplementationName() override { return OUString::createFromAscii(handlerName); }
    sal_Bool SAL_CALL supportsService(const OUString& rName) override { return cppu::supportsService(this, rName); }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        uno::Sequence<OUString> aNames(1);
        aNames[0] = OUString::createFromAscii(handlerName);
        return aNames;
    }

private:
    static uno::Reference<beans::XPropertySet> model(const uno::Reference<awt::XControlContainer>& xControls,
                                                     const std::string& name)
    {
        auto xControl = xControls->getControl(fromUtf8(name));
        if (!xControl.is())
            throw uno::RuntimeException("options page: no control " + fromUtf8(name));
        return uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW);
    }

    static void labels(const uno::Reference<awt::XControlContainer>& xControls)
    {
        const aa::Strings& s = aa::Strings::builtIn();
        for (const auto& [control, key] :
             std::vector<std::pair<const char*, const char*>>{ { "ReviewerLabel", "options.reviewer" },
                                                               { "ReviewerHint", "options.reviewerHint" },
                                                               { "QuestionsLabel", "options.questions" },
                                                               { "JargonLabel", "options.jargon" } })
            model(xControls, control)->setPropertyValue("Label", uno::Any(fromUtf8(s.get(key))));
        for (const aa::Topic consideration : aa::topicsOf(aa::Section::WeighingUp))
        {
            model(xControls, checkBoxFor(consideration))
                ->setPropertyValue("Label",
                                   uno::Any(fromUtf8(aa::questionLabel(aa::QuestionKey::of(consideration), s))));
        }
    }

    static void show(const uno::Reference<awt::XControlContainer>& xControls, const writer::Options& options)
    {
        model(xControls, "Reviewer")->setPropertyValue("Text", uno::Any(fromUtf8(options.reviewerName)));
        std::string jargon;
        for (const std::string& word : options.jargonWords)
            jargon += (jargon.empty() ? "" : "\n") + word;
        model(xControls, "Jargon")->setPropertyValue("Text", uno::Any(fromUtf8(jargon)));
        for (const aa::Topic consideration : aa::topicsOf(aa::Section::WeighingUp))
        {
            const bool hidden = writer::hidesQuestion(options, aa::QuestionKey::of(consideration));
            model(xControls, checkBoxFor(consideration))
                ->setPropertyValue("State", uno::Any(static_cast<sal_Int16>(hidden ? 0 : 1)));
        }
    }

    static writer::Options collect(const uno::Reference<awt::XControlContainer>& xControls)
    {
        writer::Options options;
        OUString aText;
        model(xControls, "Reviewer")->getPropertyValue("Text") >>= aText;
        options.reviewerName = toUtf8(aText.trim());
        model(xControls, "Jargon")->getPropertyValue("Text") >>= aText;
        for (sal_Int32 nIndex = 0; nIndex >= 0;)
        {
            const OUString aLine = aText.getToken(0, '\n', nIndex).replaceAll("\r", "").trim();
            if (!aLine.isEmpty())
                options.jargonWords.push_back(toUtf8(aLine));
        }
        for (const aa::Topic consideration : aa::topicsOf(aa::Section::WeighingUp))
        {
            sal_Int16 nState = 1;
            model(xControls, checkBoxFor(consideration))->getPropertyValue("State") >>= nState;
            if (nState == 0)
                options.hiddenFurtherQuestions.push_back(aa::jsonName(consideration));
        }
        return options;
    }

    uno::Reference<uno::XComponentContext> m_xContext;
};
} // namespace
} // namespace aa::options

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_assessmentanalysis_OptionsHandler_get_implementation(uno::XComponentContext* pContext,
                                                         const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new aa::options::OptionsHandler(pContext));
}
