// Draws the API page from the OpenAPI document (a file, not an inline script, so the page's CSP allows it).
window.ui = SwaggerUIBundle({ url: '/openapi.yml', dom_id: '#api', deepLinking: true });
