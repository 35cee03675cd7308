package org.opencpis.it.crash;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencpis.contract.hl7.REPCMT000002GB01Record;
import org.opencpis.contract.hl7.REPCMT000003GB01FileResponse;
import org.opencpis.it.Spine;
import org.opencpis.it.TestData;
import org.opencpis.it.UploadFiles;

/**
 * The data the load works on, set up before the first kill: children shared with the hub by a few
 * councils, each registered in the demographic store first.
 *
 * <ul>
 *   <li>Leicester City (856, casework here) and Birmingham (330, no casework: an uploader and no
 *       workers) share through cpisupload, with the real CXF client;
 *   <li>Leicestershire (855) and Manchester (352) share through their own workflow in this
 *       deployment (a child and a plan recorded through the REST API as council staff, sent to the
 *       hub by the council's record updates);
 *   <li>children shared by one council, by two (856 and 330; 855 and 856; 855 and 352) and by the
 *       council with no casework alone (330).
 * </ul>
 *
 * The queries of the load ask for these children. The plan changes of the load end the workflow
 * councils' plans on ever later dates; the uploads of the load share new children, from a pool
 * registered here.
 */
final class World {

  static final String LEICESTERSHIRE = "855";
  static final String MANCHESTER = "352";
  static final String LEICESTER = "856";
  static final String BIRMINGHAM = "330";

  /** The uploaders, by council. */
  static final Map<String, Spine.User> UPLOADERS =
      Map.of(LEICESTER, Spine.LEICESTER, BIRMINGHAM, Spine.BIRMINGHAM);

  /** Council staff who record plans, by council. */
  static final Map<String, Spine.User> STAFF =
      Map.of(LEICESTERSHIRE, Spine.LEICS_ADMIN, MANCHESTER, Spine.MANC_ADMIN);

  static final Spine.User LEICESTER_ADMIN =
      new Spine.User("leicester.admin", "leicester-admin-pass");

  /** A person of the test range, as the demographic store knows them. */
  record Person(String nhs, String given, String family, LocalDate birthDate) {}

  /** A child the load's queries ask for, and the councils that share it. */
  record Target(Person person, Set<String> councils) {}

  /** A workflow council's child with its plan, whose end date the load changes. */
  static final class PlanChild {
    final String la;
    final long childId;
    final long planId;
    final String laPersonId;
    final Person person;
    final LocalDate start;
    final AtomicInteger nextDay = new AtomicInteger(1);

    PlanChild(String la, long childId, long planId, String laPersonId, Person p, LocalDate start) {
      this.la = la;
      this.childId = childId;
      this.planId = planId;
      this.laPersonId = laPersonId;
      this.person = p;
      this.start = start;
    }
  }

  final List<Target> targets = new ArrayList<>();
  final Map<String, Target> targetsByNhs = new LinkedHashMap<>();
  final Map<String, List<PlanChild>> planChildren = new LinkedHashMap<>();
  final Map<String, Deque<Person>> uploadPool = new LinkedHashMap<>();
  final Map<String, AtomicInteger> fileSequence = new LinkedHashMap<>();

  private final Set<String> numbers = new HashSet<>();
  private final Random random;

  World(long seed) {
    this.random = new Random(seed);
  }

  /** The local child id a council gives a child in the upload files and its own records. */
  static String localId(String la, Person p) {
    return "CR" + la + "-" + p.nhs();
  }

  static String asid(String la) {
    return "200000000" + la;
  }

  void setUp(CrashSettings settings) throws Exception {
    Clients.Rest rest = new Clients.Rest(settings.baseUrl());
    int n = settings.childrenPerGroup();
    Map<String, List<Person>> groups = new LinkedHashMap<>();
    for (String g : List.of("856", "856+330", "330", "855+856", "855+352")) {
      List<Person> people = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        people.add(person());
      }
      groups.put(g, people);
      for (Person p : people) {
        Target t = new Target(p, new TreeSet<>(List.of(g.split("\\+"))));
        targets.add(t);
        targetsByNhs.put(p.nhs(), t);
      }
    }
    for (String la : UPLOADERS.keySet()) {
      Deque<Person> pool = new ArrayDeque<>();
      for (int i = 0; i < settings.uploadPool(); i++) {
        pool.add(person());
      }
      uploadPool.put(la, pool);
      fileSequence.put(la, new AtomicInteger());
    }

    // everyone in the demographic store, in one load
    StringBuilder csv =
        new StringBuilder("nhsNumber,givenName,familyName,birthDate,supersededBy,sensitive\n");
    targets.forEach(t -> csv.append(row(t.person())));
    uploadPool.values().forEach(pool -> pool.forEach(p -> csv.append(row(p))));
    Clients.Rest.Reply loaded =
        rest.post(Spine.ADMIN, "/admin/demographics", "text/csv", csv.toString());
    JsonObject report = (JsonObject) loaded.json();
    if (loaded.status() != 200 || report.getInt("rejected") != 0) {
      throw new IllegalStateException("demographic load: " + loaded.status() + " " + loaded.body());
    }

    // the uploaders' first files
    LocalDate start = TestData.today().minusDays(60);
    for (String la : UPLOADERS.keySet()) {
      List<REPCMT000002GB01Record> records = new ArrayList<>();
      for (Target t : targets) {
        if (t.councils().contains(la)) {
          records.add(record(la, t.person(), start));
        }
      }
      int seq = fileSequence.get(la).incrementAndGet();
      REPCMT000003GB01FileResponse ack =
          Clients.upload(settings.baseUrl(), UPLOADERS.get(la))
              .upload(UploadFiles.file(la, seq, records.toArray(REPCMT000002GB01Record[]::new)));
      if (!"CPF02".equals(UploadFiles.fileCode(ack).getCode())) {
        throw new IllegalStateException(
            "set-up upload for "
                + la
                + ": "
                + UploadFiles.fileCode(ack).getCode()
                + " "
                + UploadFiles.reasons(ack));
      }
    }

    // the workflow councils record their children and plans; the hub gets them by record update
    for (String la : STAFF.keySet()) {
      List<PlanChild> children = new ArrayList<>();
      for (Target t : targets) {
        if (t.councils().contains(la)) {
          children.add(recordChild(rest, la, t.person(), start));
        }
      }
      planChildren.put(la, children);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (List<PlanChild> children : planChildren.values()) {
      for (PlanChild c : children) {
        while (true) {
          Clients.Rest.Reply r = rest.get(STAFF.get(c.la), "/children/" + c.childId);
          String state =
              r.status() == 200
                  ? ((JsonObject) r.json())
                      .getJsonObject("child")
                      .getJsonObject("cpisStatus")
                      .getString("state")
                  : "HTTP " + r.status();
          if ("SHARED".equals(state)) {
            break;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "the hub did not take council " + c.la + "'s child " + c.childId + ": " + state);
          }
          WildFlyProcess.sleep(250);
        }
      }
    }
  }

  private PlanChild recordChild(Clients.Rest rest, String la, Person p, LocalDate start)
      throws Exception {
    Spine.User staff = STAFF.get(la);
    String personId = localId(la, p);
    JsonObject child =
        Json.createObjectBuilder()
            .add("laPersonId", personId)
            .add("nhsNumber", p.nhs())
            .add("givenName", p.given())
            .add("familyName", p.family())
            .add("birthDate", p.birthDate().toString())
            .build();
    Clients.Rest.Reply added = rest.post(staff, "/children", child.toString());
    if (added.status() != 201) {
      throw new IllegalStateException(
          "child for " + la + ": " + added.status() + " " + added.body());
    }
    long childId = ((JsonObject) added.json()).getJsonNumber("id").longValue();
    JsonObject plan =
        Json.createObjectBuilder()
            .add("type", "CHILD_PROTECTION_PLAN")
            .add("startDate", start.toString())
            .build();
    Clients.Rest.Reply planned =
        rest.post(staff, "/children/" + childId + "/plans", plan.toString());
    if (planned.status() != 201) {
      throw new IllegalStateException(
          "plan for " + la + ": " + planned.status() + " " + planned.body());
    }
    long planId = ((JsonObject) planned.json()).getJsonNumber("id").longValue();
    return new PlanChild(la, childId, planId, personId, p, start);
  }

  /** A child protection plan record of {@code la}'s file for a registered person. */
  static REPCMT000002GB01Record record(String la, Person p, LocalDate start) {
    return UploadFiles.unregisteredChild(
        localId(la, p), p.nhs(), p.given(), p.family(), p.birthDate(), "CPP", start, null);
  }

  /** Shared by a council with casework here: the ones a step is made for. */
  Target pick(Random r) {
    return targets.get(r.nextInt(targets.size()));
  }

  private Person person() {
    String nhs;
    do {
      nhs = TestData.nhsNumber();
    } while (!numbers.add(nhs));
    String[] given = {"Ava", "Noah", "Mia", "Leo", "Isla", "Alfie", "Ivy", "Arlo"};
    String[] family = {"Crash", "Kill", "Restart", "Journal", "Commit", "Durable"};
    return new Person(
        nhs,
        given[random.nextInt(given.length)],
        family[random.nextInt(family.length)],
        LocalDate.of(2012, 1, 1).plusDays(random.nextInt(3650)));
  }

  private static String row(Person p) {
    return String.join(",", p.nhs(), p.given(), p.family(), p.birthDate().toString(), "", "false")
        + "\n";
  }
}
