using System.Text.Json.Nodes;

namespace SbbCommerce.Bench.Scenarios;

/// <summary>
/// Named numbers and strings a scenario reports (rows created, sold-out count, ...). Thread-safe, but meant for
/// set-up and verification; count hot-path events with Interlocked fields and store the total here at the end.
/// </summary>
internal sealed class ScenarioFigures
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    public void Set(string name, long value) => Store(name, JsonValue.Create(value));

    public void Set(string name, double value) => Store(name, double.IsFinite(value) ? JsonValue.Create(value) : null);

    public void Set(string name, string? value) => Store(name, value is null ? null : JsonValue.Create(value));

    public IReadOnlyDictionary<string, JsonNode?> Snapshot()
    {
        lock (_gate)
        {
            return new SortedDictionary<string, JsonNode?>(_values, StringComparer.Ordinal);
        }
    }

    private void Store(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            _values[name] = value;
        }
    }
}
