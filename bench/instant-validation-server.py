"""A stand-in for a platform's POST /api/validate that answers at once with an empty
OperationOutcome, so that the validation start benchmark times the client of
`connectathon validate --server` alone. Usage: instant-validation-server.py PORT"""
import http.server
import sys

OUTCOME = (b'{"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"informational",'
           b'"diagnostics":"No issues detected during validation"}]}')


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(OUTCOME)))
        self.end_headers()
        self.wfile.write(OUTCOME)

    def log_message(self, *arguments):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
