namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// A row whose updates are checked against PostgreSQL's <c>xmin</c>: <see cref="SbbDbContext"/> maps
/// <see cref="Version"/> of every entity deriving from this as its row version.
/// </summary>
internal abstract class RowVersioned
{
    /// <summary>PostgreSQL xmin: a concurrent update of the same row fails instead of overwriting.</summary>
    public uint Version { get; set; }
}
