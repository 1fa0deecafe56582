package dev.omnigraph.console.demo;

/** The schema, query and policy sources of the demo cluster (what an operator's config folder holds). */
final class DemoSources {
    private DemoSources() {}

    static final String KNOWLEDGE_SCHEMA = """
            node Person {
              key: String @key
              name: String
              email: String?
              embedding: Vector(1536)?
            }

            node Company {
              key: String @key
              name: String
              domain: String?
            }

            node Document {
              key: String @key
              title: String
              body: Blob
            }

            edge WorksAt: Person -> Company {
              since: Date?
            }

            edge Mentions: Document -> Person
            """;

    static final String SUPPORT_SCHEMA = """
            node Ticket {
              key: String @key
              title: String
              status: String
              opened_at: DateTime
            }

            node Customer {
              key: String @key
              name: String
            }

            edge RaisedBy: Ticket -> Customer
            """;

    static final String SCRATCH_SCHEMA_LIVE = """
            node Note {
              key: String @key
              text: String
              tags: [String]
            }
            """;

    static final String PEOPLE_QUERIES = """
            query find_person($key: String) {
              match { $p: Person { key: $key } }
              return { $p.name, $p.email }
            }

            query list_people() {
              match { $p: Person }
              return { $p.key, $p.name }
              order { $p.name asc }
            }
            """;

    /** An older revision of people.gq: its blob stays in the catalog as an orphan. */
    static final String PEOPLE_QUERIES_OLD = """
            query find_person($key: String) {
              match { $p: Person { key: $key } }
              return { $p.name }
            }
            """;

    static final String COMPANY_QUERIES = """
            query company_staff($domain: String) {
              match {
                $c: Company { domain: $domain }
                $p: Person
                $p worksAt $c
              }
              return { $p.name, $c.name }
            }
            """;

    static final String TICKET_QUERIES = """
            query open_tickets() {
              match { $t: Ticket { status: "open" } }
              return { $t.key, $t.title, $t.opened_at }
              order { $t.opened_at desc }
            }
            """;

    static final String BASE_POLICY = """
            version: 1
            rules:
              - effect: permit
                principal: role:reader
                action: [read]
              - effect: permit
                principal: role:editor
                action: [read, write]
            """;

    static final String SERVER_POLICY = """
            version: 1
            server:
              rules:
                - effect: permit
                  principal: role:admin
                  action: [admin]
            """;
}
