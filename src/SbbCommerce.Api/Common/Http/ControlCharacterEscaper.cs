using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// The one place where what a request brings (paths, ids, names) is made safe for the log: control characters in
/// any logged value are written escaped (<c>\n</c>, <c>\u001b</c>), so a path with <c>%0A</c> cannot start a forged
/// line in the plain-text Development log, and no value can send terminal escapes to an operator's console.
/// </summary>
internal sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (Escape(value) is { } escaped)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, escaped));
            }
        }
    }

    /// <summary>The value with its strings escaped, or null when nothing needed escaping.</summary>
    private static LogEventPropertyValue? Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when NeedsEscaping(text) => new ScalarValue(Escape(text)),
        SequenceValue sequence when sequence.Elements.Any(e => Escape(e) is not null) =>
            new SequenceValue(sequence.Elements.Select(e => Escape(e) ?? e)),
        StructureValue structure when structure.Properties.Any(p => Escape(p.Value) is not null) =>
            new StructureValue(structure.Properties.Select(p => Escape(p.Value) is { } escaped ? new LogEventProperty(p.Name, escaped) : p),
                structure.TypeTag),
        _ => null,
    };

    internal static string Escape(string text)
    {
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when IsUnsafe(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool NeedsEscaping(string text) => text.Any(IsUnsafe);

    /// <summary>C0 and C1 controls, and the Unicode line and paragraph separators some viewers break lines on.</summary>
    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
