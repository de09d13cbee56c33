using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using SbbCommerce.Api.Common.Http;

namespace SbbCommerce.UnitTests.Common.Http;

public sealed class ControlCharacterEscaperTests
{
    [Fact]
    public void Given_a_path_with_a_decoded_newline_When_logged_in_the_development_format_Then_it_stays_on_one_line()
    {
        var written = Render("HTTP {RequestMethod} {RequestPath} responded {StatusCode}",
            "GET", "/api/v1/products/x\n[12:00:00 INF] Admin login succeeded", 404);

        Assert.Single(written.TrimEnd('\n').Split('\n'));
        Assert.Contains(@"/api/v1/products/x\n[12:00:00 INF] Admin login succeeded", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_terminal_escapes_and_unicode_line_separators_When_logged_Then_they_are_written_as_escapes()
    {
        var written = Render("Lookup {Slug} by {Names}", "a\u001b[31mred\u2028b\r", new[] { "ok", "x\ty" });

        Assert.Contains(@"a\u001b[31mred\u2028b\r", written, StringComparison.Ordinal);
        Assert.Contains(@"""x\\ty""", written, StringComparison.Ordinal); // escaped, then JSON-quoted inside a sequence
        Assert.DoesNotContain('\t', written);
        Assert.DoesNotContain('\u001b', written);
        Assert.DoesNotContain('\u2028', written);
    }

    [Fact]
    public void Given_plain_text_When_escaped_Then_it_is_unchanged()
    {
        Assert.Equal("/api/v1/cart/items/Ünïcode ok", ControlCharacterEscaper.Escape("/api/v1/cart/items/Ünïcode ok"));
    }

    private static string Render(string template, params object[] values)
    {
        var sink = new CollectingSink();
        using (var logger = new LoggerConfiguration().Enrich.With<ControlCharacterEscaper>().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information(template, values);
        }

        var formatter = new MessageTemplateTextFormatter(LoggingModule.DevelopmentTemplate, System.Globalization.CultureInfo.InvariantCulture);
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        formatter.Format(Assert.Single(sink.Events), output);
        return output.ToString();
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
