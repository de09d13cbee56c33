namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

/// <summary>Reads an outbox payload (camelCase JSON, as the writer stored it) into a template's record.</summary>
internal static class TemplatePayload
{
    public static T Read<T>(JsonElement payload) =>
        payload.Deserialize<T>(JsonDefaults.Options) ?? throw new JsonException($"The payload is not a {typeof(T).Name}.");
}
