using System.Net;
using System.Text;
using SbbCommerce.Api.Common.Money;

namespace SbbCommerce.Api.Modules.Integration.Email;

/// <summary>
/// Builds one message's plain-text and HTML bodies from the same blocks (paragraphs, labelled facts, one call to
/// action), so the two never disagree. Every value is HTML-encoded in the HTML body.
/// </summary>
internal sealed class EmailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public EmailBody(string greetingName)
    {
        var greeting = string.IsNullOrWhiteSpace(greetingName) ? "Hello," : $"Hello {greetingName.Trim()},";
        Paragraph(greeting);
    }

    public EmailBody Paragraph(string text)
    {
        _text.AppendLine(text).AppendLine();
        _html.Append("<p>").Append(WebUtility.HtmlEncode(text)).AppendLine("</p>");
        return this;
    }

    public EmailBody Facts(params (string Label, string? Value)[] facts)
    {
        _html.AppendLine("<table cellpadding=\"4\">");
        foreach (var (label, value) in facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
        {
            _text.Append(label).Append(": ").AppendLine(value);
            _html.Append("<tr><td><strong>").Append(WebUtility.HtmlEncode(label)).Append("</strong></td><td>")
                .Append(WebUtility.HtmlEncode(value)).AppendLine("</td></tr>");
        }

        _text.AppendLine();
        _html.AppendLine("</table>");
        return this;
    }

    public EmailBody Action(string label, string url)
    {
        _text.Append(label).Append(": ").AppendLine(url).AppendLine();
        _html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).AppendLine("</a></p>");
        return this;
    }

    public EmailContent Build(string to, string subject)
    {
        const string Footer = "Science Based Body. Research use only; not for human consumption.";
        var text = _text.ToString() + "--\n" + Footer + "\n";
        var html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">\n" + _html
            + "<hr><p style=\"color:#666;font-size:12px\">" + WebUtility.HtmlEncode(Footer) + "</p>\n</body></html>\n";
        return new EmailContent(to, subject, text, html);
    }

    /// <summary>Cents as money for people: 1234 USD -> "$12.34", other currencies by code.</summary>
    public static string Money(long cents, string? currency = Currency.Usd)
    {
        var amount = (cents / 100m).ToString("N2", CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(currency) || currency == Currency.Usd ? "$" + amount : $"{amount} {currency}";
    }

    public static string Time(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : string.Empty;
}

/// <summary>A rendered message.</summary>
internal sealed record EmailContent(string To, string Subject, string Text, string Html);
