using System.Text.Json.Serialization;

namespace SbbCommerce.Bench.Scenarios;

/// <summary>Outcome of a scenario's after-run check; Status is "not-applicable", "passed" or "failed".</summary>
internal sealed record Verification(string Status, string? Detail)
{
    public static Verification NotApplicable { get; } = new("not-applicable", null);

    /// <summary>The run was interrupted or failed before the check could mean anything.</summary>
    public static Verification Skipped { get; } = new("skipped", null);

    [JsonIgnore]
    public bool IsFailure => Status == "failed";

    public static Verification Passed(string? detail = null) => new("passed", detail);

    public static Verification Failed(string detail) => new("failed", detail);
}
