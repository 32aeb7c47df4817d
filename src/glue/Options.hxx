// The extension's settings (extension/Options.xcs), read and written through the configuration.
#pragma once

#include "Catalogue.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <vector>

namespace aa::writer
{
struct Options
{
    std::string reviewerName;                        ///< empty: LibreOffice's user name
    std::vector<std::string> jargonWords;            ///< one per line on the page
    std::vector<std::string> hiddenFurtherQuestions; ///< consideration JSON names (as stored)
};

/// True when the options hide this question from the Questions panel: a weighing-up question
/// whose name is among hiddenFurtherQuestions (names that name no question hide nothing).
bool hidesQuestion(const Options& options, aa::QuestionKey key);

/// The settings; the defaults when they cannot be read (never throws).
Options readOptions(const css::uno::Reference<css::uno::XComponentContext>& xContext);
/// Stores the settings. Throws css::uno::Exception when the configuration refuses.
void writeOptions(const css::uno::Reference<css::uno::XComponentContext>& xContext, const Options& options);
/// Makes the built-in strings follow LibreOffice's UI language (en-US spellings for en-US),
/// once per process.
void applyUiLocale(const css::uno::Reference<css::uno::XComponentContext>& xContext);

/// The reviewer's name: the options page's, else LibreOffice's user name.
std::string reviewerName(const css::uno::Reference<css::uno::XComponentContext>& xContext);

/// The name in Tools > Options > LibreOffice > User Data ("" when none is set).
std::string userName(const css::uno::Reference<css::uno::XComponentContext>& xContext);
} // namespace aa::writer
