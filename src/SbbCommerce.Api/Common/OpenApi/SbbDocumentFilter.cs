using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SbbCommerce.Api.Common.OpenApi;

/// <summary>
/// What belongs to the document as a whole: the one <c>Problem</c> schema (RFC 9457 with API.md's <c>code</c> and
/// <c>traceId</c>), the shared response headers, tag descriptions and the server. The framework's own problem
/// schemas are dropped: every error answer references <c>Problem</c>.
/// </summary>
internal sealed class SbbDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Identity"] = "Registration, sign-in (password, Google, Apple), tokens, the signed-in user's profile, addresses, sessions and phone.",
        ["Identity (admin)"] = "Users for admins: search, status and role changes, KYC decisions.",
        ["Catalog"] = "Products, categories, batches and certificates of analysis; public reads are cacheable (ETag, 304).",
        ["Cart"] = "The cart of the signed-in user (bearer) or of the anonymous visitor (X-Anonymous-Id).",
        ["Discounts (admin)"] = "Discount codes for admins.",
        ["Checkout"] = "The compliance acknowledgement and checkout: the cart becomes an order with its first payment.",
        ["Orders"] = "The signed-in customer's orders.",
        ["Orders (admin)"] = "Orders for admins: search, status transitions, internal notes.",
        ["Payments"] = "Payment methods, the customer's payments and their proofs.",
        ["Payments (admin)"] = "The verification queue, proofs, verification, rejection, refunds and payment methods.",
        ["Reconciliation (admin)"] = "Bank and wallet statements matched against payments.",
        ["Fulfillment"] = "Picking, shipping, delivery, returns, labels and batch recalls (admins), and COA look-ups.",
        ["Events"] = "Storefront analytics events.",
        ["Analytics (admin)"] = "Attribution, funnel and product reports.",
        ["Integration (admin)"] = "The webhook inbox and the ERP outbox.",
        ["Webhooks"] = "Signed callbacks from the ERP, Shippo and Mailgun.",
        ["Audit (admin)"] = "Who changed what, when: the audit log.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document." }];
        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        swaggerDoc.Components.Schemas.Remove(SchemaNames.Of(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)));
        swaggerDoc.Components.Schemas.Remove(SchemaNames.Of(typeof(HttpValidationProblemDetails)));
        swaggerDoc.Components.Schemas[ProblemResponsesOperationFilter.ProblemSchema] = Problem();
        swaggerDoc.Components.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
        {
            [HeadersOperationFilter.RequestIdHeader] = Header("The request id the logs and audit rows carry (the client's own when short and safe)."),
            ["Retry-After"] = Header("Seconds to wait before trying again."),
            ["ETag"] = Header("A strong validator of this answer; send it back as If-None-Match."),
        };

        var used = (swaggerDoc.Tags ?? new HashSet<OpenApiTag>()).Select(tag => tag.Name).OfType<string>()
            .Concat(swaggerDoc.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []).SelectMany(op => op.Tags ?? new HashSet<OpenApiTagReference>())
                .Select(tag => tag.Name).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        swaggerDoc.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.GetValueOrDefault(name, name),
        }));
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    /// <summary>RFC 9457 with API.md's members. Extensions (e.g. <c>reason</c>, <c>products</c>) may follow.</summary>
    private static OpenApiSchema Problem()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem (application/problem+json). `code` is the machine code of API.md.",
            Required = new SortedSet<string>(["type", "title", "status", "code", "traceId"], StringComparer.Ordinal),
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = Text("A URI naming the problem type (ends with the code)."),
                ["title"] = Text("A short human summary."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
                ["detail"] = Text("Details of this occurrence, when there are any."),
                ["instance"] = Text("The request path, when set."),
                ["traceId"] = Text("The request id: quote it to support, the logs carry it."),
                ["code"] = Text("The machine code (snake_case) listed on each operation's error answers."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Validation failures (validation_failed): messages by field name.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
            AdditionalPropertiesAllowed = true,
        };
    }
}
