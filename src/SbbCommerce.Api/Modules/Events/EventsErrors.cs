namespace SbbCommerce.Api.Modules.Events;

/// <summary>The Events codes of API.md.</summary>
internal static class EventsErrors
{
    public const string IngestOverloaded = "ingest_overloaded";
}
