using SbbCommerce.Bench.Running;

namespace SbbCommerce.Bench.Reporting;

/// <summary>The result file: one scenario run, the baseline run after it and their ratio.</summary>
internal sealed record BenchReport
{
    public string Tool { get; init; } = "SbbCommerce.Bench";

    public required string Scenario { get; init; }

    public required DateTimeOffset StartedAtUtc { get; init; }

    public required MachineInfo Machine { get; init; }

    public required RunSettings Settings { get; init; }

    public required RunResult Result { get; init; }

    /// <summary>Null for the baseline scenario itself, with --no-baseline, or when the baseline could not run.</summary>
    public RunResult? Baseline { get; init; }

    public string? BaselineError { get; init; }

    public BaselineComparison? Comparison { get; init; }
}
